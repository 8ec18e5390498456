/**
 * The scheduling framework's plugin contract (§3.1): filters run per node in order and the first
 * failing one gives the node's reasons; a PreFilter failure rejects the pod on every node (§3.9).
 * Plugins that keep their own state (volume binding) learn where pods go through `reserve`.
 */
import type { SimNode, SimPod } from '../model.js';
import type { SchedulingState } from './state.js';

export type FilterCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export type FilterStatus = { ok: true } | { ok: false; reasons: string[]; code: FilterCode };

export const FITS: FilterStatus = { ok: true };

export interface FilterPlugin {
  /** Plugin name as kube-scheduler spells it: `NodeResourcesFit`, `VolumeBinding`… */
  readonly name: string;
  /** A message (without trailing period) when the pod cannot be scheduled on any node. */
  preFilter?(pod: SimPod, state: SchedulingState): string | undefined;
  filter(pod: SimPod, node: SimNode, state: SchedulingState): FilterStatus;
  /** Called once the pod is bound to `node` (e.g. to bind its WaitForFirstConsumer claims). */
  reserve?(pod: SimPod, node: SimNode, state: SchedulingState): void;
}
