/**
 * NodeUnschedulable (§3.1 #1, §3.5): a cordoned node (`spec.unschedulable: true`) is filtered unless
 * the pod tolerates `node.kubernetes.io/unschedulable:NoSchedule`.
 * Source: `pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (Filter)`.
 */
import type { SimNode, SimPod, Taint } from '../../model.js';
import { clusterFacts } from '../cluster-facts.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';
import type { SchedulingState } from '../state.js';
import { tolerates, tolerationsOf } from './taint-toleration.js';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const UNSCHEDULABLE: FilterStatus = { ok: false, reasons: ['node(s) were unschedulable'], code: 'UnschedulableAndUnresolvable' };

export const nodeUnschedulable: SkippableFilter = {
  name: 'NodeUnschedulable',
  skip(_pod: SimPod, state: SchedulingState): boolean {
    return !clusterFacts(state.nodes).anyUnschedulable;
  },
  filter(pod: SimPod, node: SimNode): FilterStatus {
    if (!node.unschedulable) return FITS;
    return tolerates(tolerationsOf(pod.spec), UNSCHEDULABLE_TAINT) ? FITS : UNSCHEDULABLE;
  },
};
