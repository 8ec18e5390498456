/**
 * NodeName (§3.1 #2): a pod whose `spec.nodeName` is set fits only that node. (Pods with a preset
 * nodeName normally bypass the scheduler, §3.3; this filter matters to callers that run filters
 * directly.) Source: `pkg/scheduler/framework/plugins/nodename/node_name.go (Filter)`.
 */
import type { SimNode, SimPod } from '../../model.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';

const MISMATCH: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match the requested node name"],
  code: 'UnschedulableAndUnresolvable',
};

export const nodeName: SkippableFilter = {
  name: 'NodeName',
  skip(pod: SimPod): boolean {
    return typeof pod.spec.nodeName !== 'string' || pod.spec.nodeName === '';
  },
  filter(pod: SimPod, node: SimNode): FilterStatus {
    const wanted = pod.spec.nodeName;
    return typeof wanted !== 'string' || wanted === '' || wanted === node.name ? FITS : MISMATCH;
  },
};
