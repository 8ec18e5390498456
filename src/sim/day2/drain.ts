/**
 * Day-2: draining each node under the PodDisruptionBudgets (§4.9). `kubectl drain` evicts the
 * node's pods one at a time; the eviction API refuses while a pod's budget allows no disruption
 * (`Cannot evict pod as it would violate the pod's disruption budget.`). A drain is blocked for
 * good when the budget allows nothing even with every pod healthy, or when the pods it let go
 * cannot be rescheduled on the other nodes, so the budget never recovers.
 */
import { formatRef } from '../../findings.js';
import { pdbBudget, pdbSelection, PDB_GROUP } from '../../k8s/disruption-budget.js';
import { formatIntOrPercent, scaledValue } from '../../k8s/int-or-percent.js';
import type { Selector } from '../../k8s/selector.js';
import { refKey, type ObjectGraph } from '../../resolver/graph.js';
import { LabelIndex } from '../../resolver/label-index.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { SimWorkload } from '../controllers/workload.js';
import type { SimIssue, SimPod } from '../model.js';
import { FITS, type FilterPlugin } from '../scheduler/framework.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { SchedulingState } from '../scheduler/state.js';
import { replacementPod } from './replacement.js';

const EVERYTHING: Selector = { matchLabels: {}, matchExpressions: [] };
const EVICTION_REFUSED = '"Cannot evict pod as it would violate the pod\'s disruption budget."';

interface Budget {
  pdb: Manifest;
  pods: SimPod[];
  desiredHealthy: number;
  allowed: number;
  describe: string;
}

/** §4.9 controller math over the simulated pods. */
function budgetOf(pdb: Manifest, index: LabelIndex<SimPod>, workloads: ReadonlyMap<Manifest, SimWorkload>): Budget | undefined {
  const budget = pdbBudget(pdb);
  const selection = pdbSelection(pdb);
  if (!budget || selection.kind === 'none' || selection.kind === 'invalid') return undefined;
  const pods = index.query(pdb.ref.namespace ?? 'default', selection.kind === 'all' ? EVERYTHING : selection.selector);
  if (pods.length === 0 || pods.some((p) => !p.status.ready)) return undefined; // not a steady state: other findings explain why
  const scaled = budget.field === 'maxUnavailable' || budget.value.kind === 'percent';
  let expected = pods.length;
  if (scaled) {
    const owners = new Set(pods.map((p) => p.owner.manifest));
    expected = 0;
    // getExpectedScale: the scale of each owning controller; unmanaged (bare) pods count 0.
    for (const owner of owners) {
      if (owner.ref.kind === 'Pod') continue;
      expected += workloads.get(owner)?.desiredReplicas ?? pods.filter((p) => p.owner.manifest === owner).length;
    }
  }
  const desiredHealthy =
    budget.field === 'maxUnavailable' ? Math.max(0, expected - scaledValue(budget.value, expected, true)) : scaledValue(budget.value, expected, true);
  const allowed = Math.max(0, pods.length - desiredHealthy);
  const describe = `${budget.field} ${formatIntOrPercent(budget.value)} with ${pods.length} ready pod${pods.length === 1 ? '' : 's'}`;
  return { pdb, pods, desiredHealthy, allowed, describe };
}

export function drainIssues(
  graph: ObjectGraph,
  workloads: readonly SimWorkload[],
  pods: readonly SimPod[],
  state: SchedulingState,
  filters: readonly FilterPlugin[],
): SimIssue[] {
  // One object per identity: a budget written twice (duplicate-object reports it) is applied once.
  const pdbs = [...new Map(graph.ofKind('PodDisruptionBudget', PDB_GROUP).map((m) => [refKey(m.ref), m] as const)).values()];
  if (pdbs.length === 0) return [];
  const index = new LabelIndex<SimPod>();
  for (const pod of pods) if (pod.nodeName !== undefined && pod.status.phase === 'Running') index.add(pod.namespace, pod.labels, pod);
  const byManifest = new Map(workloads.map((w) => [w.manifest, w]));
  const budgets = pdbs.map((p) => budgetOf(p, index, byManifest)).filter((b): b is Budget => b !== undefined);
  const coveredBy = new Map<SimPod, number>();
  for (const b of budgets) for (const p of b.pods) coveredBy.set(p, (coveredBy.get(p) ?? 0) + 1);

  const out: SimIssue[] = [...overlappingBudgets(budgets)];
  for (const b of budgets) {
    const byNode = new Map<string, SimPod[]>();
    for (const p of b.pods) {
      if (coveredBy.get(p) !== 1 || p.owner.manifest.ref.kind === 'DaemonSet') continue; // drain skips DaemonSet pods
      const list = byNode.get(p.nodeName!);
      if (list) list.push(p);
      else byNode.set(p.nodeName!, [p]);
    }
    const blocked: string[] = [];
    let because = '';
    for (const [node, onNode] of [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) { // code-unit order: locale-independent
      if (b.allowed === 0) {
        blocked.push(node);
        because = `${b.describe} gives disruptionsAllowed=0, so every eviction is refused (${EVICTION_REFUSED})`;
        continue;
      }
      if (onNode.length <= b.allowed) continue;
      // The first `allowed` evictions need no replacement; each later one waits for one more
      // replacement to be Ready, so the drain needs replacements for all but the last `allowed` pods.
      const stuck = replacementsFail(node, onNode.slice(0, onNode.length - b.allowed), state, filters);
      if (stuck) {
        blocked.push(node);
        because = `${b.describe} allows ${b.allowed} eviction${b.allowed === 1 ? '' : 's'} at a time, and the evicted pods cannot be rescheduled on the other nodes (${stuck}), so the budget never allows the next one`;
      }
    }
    if (blocked.length === 0) continue;
    const budget = pdbBudget(b.pdb)!;
    out.push({
      id: 'drain-blocked',
      at: { manifest: b.pdb, path: budget.path },
      message: `${formatRef(b.pdb.ref)} would block draining ${listNodes(blocked)} forever: ${because}.`,
      related: [...new Set(b.pods.map((p) => p.owner.manifest))].map((m) => ({
        node: { manifest: m, path: ['metadata', 'name'] },
        note: `${formatRef(m.ref)} runs the pods the budget covers`,
      })),
    });
  }
  return out;
}

/**
 * Evicts pods of the drained node one by one (the node cordoned) and schedules a replacement for
 * each; returns the scheduler's message for the first replacement that fits nowhere. Runs on the
 * live state and undoes itself (replacements off, evicted pods back on their node), so a what-if
 * costs a few scheduling cycles, not a copy of the cluster.
 */
function replacementsFail(node: string, evicted: readonly SimPod[], state: SchedulingState, filters: readonly FilterPlugin[]): string | undefined {
  const cordon: FilterPlugin = {
    name: 'NodeUnschedulable',
    filter: (_pod, n) => (n.name === node ? { ok: false, reasons: ['node(s) were unschedulable'], code: 'UnschedulableAndUnresolvable' } : FITS),
  };
  const scheduler = new Scheduler(state, [cordon, ...filters]);
  const removed: SimPod[] = [];
  const placed: SimPod[] = [];
  try {
    for (const [i, pod] of evicted.entries()) {
      state.unbind(pod);
      removed.push(pod);
      const replacement = replacementPod(pod, `drain-${i}`);
      const outcome = scheduler.schedule(replacement);
      if (!outcome.ok) return outcome.message;
      placed.push(replacement);
    }
    return undefined;
  } finally {
    for (const p of placed) state.unbind(p);
    for (const p of removed) state.bind(p, node);
  }
}

/**
 * §4.9: the eviction API refuses a pod that more than one budget selects (`This pod has more than
 * one PodDisruptionBudget, which the eviction subresource does not support.`), whatever the budgets
 * allow: a drain of any node running such a pod never finishes.
 */
function overlappingBudgets(budgets: readonly Budget[]): SimIssue[] {
  const byPod = new Map<SimPod, Budget[]>();
  for (const b of budgets) {
    for (const p of b.pods) {
      if (p.owner.manifest.ref.kind === 'DaemonSet') continue;
      const list = byPod.get(p);
      if (list) list.push(b);
      else byPod.set(p, [b]);
    }
  }
  const groups = new Map<string, { budgets: Budget[]; pods: SimPod[] }>();
  for (const [pod, list] of byPod) {
    if (list.length < 2) continue;
    const key = list.map((b) => b.pdb.index).join(',');
    const group = groups.get(key);
    if (group) group.pods.push(pod);
    else groups.set(key, { budgets: list, pods: [pod] });
  }
  const out: SimIssue[] = [];
  for (const { budgets: list, pods } of groups.values()) {
    const [first, ...others] = list;
    const nodes = [...new Set(pods.map((p) => p.nodeName!))].sort();
    const owners = [...new Set(pods.map((p) => p.owner.manifest))];
    out.push({
      id: 'drain-blocked',
      at: { manifest: first.pdb, path: ['spec', 'selector'] },
      message:
        `${formatRef(first.pdb.ref)} and ${others.map((b) => formatRef(b.pdb.ref)).join(', ')} ` +
        `both select ${pods.length} pod${pods.length === 1 ? '' : 's'} of ${owners.map((m) => `${formatRef(m.ref)}`).join(', ')}, which the eviction API refuses to evict ` +
        `("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."), so draining ${listNodes(nodes)} would never finish.`,
      related: others.map((b) => ({ node: { manifest: b.pdb, path: ['spec', 'selector'] }, note: 'the other budget selecting the same pods' })),
    });
  }
  return out;
}

function listNodes(nodes: readonly string[]): string {
  const shown = nodes.length > 5 ? [...nodes.slice(0, 5), `${nodes.length - 5} more`] : [...nodes];
  return shown.length === 1 ? `node ${shown[0]}` : `nodes ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
