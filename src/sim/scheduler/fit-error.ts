/**
 * The FailedScheduling message (§3.2, `pkg/scheduler/framework/types.go (FitError.Error)`):
 * `0/N nodes are available: <PreFilter message | sorted reason histogram>.` followed by the
 * PostFilter (preemption) part. Without modelled priorities no preemption can succeed (§3.2 SIM):
 * nodes rejected as UnschedulableAndUnresolvable (or by PreFilter) count as "Preemption is not
 * helpful for scheduling", the others as "No preemption victims found for incoming pod".
 */
import type { FilterCode } from './framework.js';

export interface Diagnosis {
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod: replaces the per-node histogram. */
  preFilterMessage?: string;
  /** Reason → number of nodes that returned it. */
  reasons: Map<string, number>;
  /** Nodes per failure code (for the preemption part). */
  codes: Record<FilterCode, number>;
  /** `spec.preemptionPolicy: Never`: the preemption part says so instead. */
  preemptionNever?: boolean;
}

export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

function histogram(counts: Iterable<[string, number]>): string {
  const entries: string[] = [];
  for (const [reason, n] of counts) if (n > 0) entries.push(`${n} ${reason}`);
  // Plain lexicographic sort, as Go's sort.Strings: "10 …" sorts before "2 …".
  return entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(', ');
}

export function fitErrorMessage(d: Diagnosis): string {
  if (d.numAllNodes === 0) return NO_NODES_MESSAGE;
  const head = `0/${d.numAllNodes} nodes are available:`;
  let msg = head;
  if (d.preFilterMessage !== undefined) msg += ` ${d.preFilterMessage}.`;
  else {
    const filters = histogram(d.reasons);
    if (filters !== '') msg += ` ${filters}.`;
  }
  if (d.preemptionNever) return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
  const unresolvable = d.preFilterMessage !== undefined ? d.numAllNodes : d.codes.UnschedulableAndUnresolvable;
  const resolvable = d.preFilterMessage !== undefined ? 0 : d.codes.Unschedulable;
  const post = histogram([
    ['No preemption victims found for incoming pod', resolvable],
    ['Preemption is not helpful for scheduling', unresolvable],
  ]);
  return `${msg} preemption: ${head} ${post}.`;
}
