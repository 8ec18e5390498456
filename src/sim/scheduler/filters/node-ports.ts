/**
 * NodePorts (§3.1 #5, §3.6): the pod's host ports must not conflict with ports already used on the
 * node (same protocol and port, overlapping host IP).
 * Source: `pkg/scheduler/framework/plugins/nodeports/node_ports.go (Filter, fitsPorts)`.
 */
import type { SimNode, SimPod } from '../../model.js';
import { FITS, type FilterStatus } from '../framework.js';
import { hostPortsOf } from '../host-ports.js';
import type { SkippableFilter } from '../skippable-filter.js';
import type { SchedulingState } from '../state.js';

const CONFLICT: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't have free ports for the requested pod ports"],
  code: 'Unschedulable',
};

export const nodePorts: SkippableFilter = {
  name: 'NodePorts',
  skip(pod: SimPod): boolean {
    return hostPortsOf(pod.spec).length === 0;
  },
  filter(pod: SimPod, node: SimNode, state: SchedulingState): FilterStatus {
    const wanted = hostPortsOf(pod.spec);
    if (wanted.length === 0) return FITS;
    const used = state.hostPorts(node.name);
    return used && used.size > 0 && used.conflicts(wanted) ? CONFLICT : FITS;
  },
};
