/**
 * Findings about workloads whose pods would not run: one per workload and cause, not one per pod.
 */
import { formatRef } from '../findings.js';
import { podTemplateOf } from '../k8s/pod-template.js';
import { addDaemonTolerations } from './controllers/daemon-tolerations.js';
import type { SimWorkload } from './controllers/workload.js';
import { matchesNodeSelectorAndAffinity } from './scheduler/filters/node-affinity.js';
import { firstUntoleratedTaint, tolerationsOf } from './scheduler/filters/taint-toleration.js';
import type { ClusterProfile, SimIssue, SimPod, SimRelated } from './model.js';
import type { PodOutcomes } from './simulate.js';

const describe = (w: SimWorkload): string => formatRef(w.manifest.ref);

function count(pods: readonly SimPod[] | number, of: number, w: SimWorkload): string {
  if (w.kind === 'Pod') return describe(w);
  const n = typeof pods === 'number' ? pods : pods.length;
  return n === of ? `${of === 1 ? 'The pod' : `All ${of} pods`} of ${describe(w)}` : `${n} of the ${of} pods of ${describe(w)}`;
}

/** Pods the workload wants beyond those simulated (a count capped at the cluster's capacity). */
const notSimulated = (w: SimWorkload): number => (w.kind === 'DaemonSet' ? 0 : Math.max(0, w.desiredReplicas - w.pods.length));

export function workloadIssues(workloads: readonly SimWorkload[], outcomes: PodOutcomes, profile: ClusterProfile): SimIssue[] {
  const out: SimIssue[] = [];
  for (const w of workloads) {
    const created = w.pods.filter((p) => p.status.phase !== 'Rejected' && p.status.reason !== 'NotCreated');
    const at = { manifest: w.manifest, path: ['metadata', 'name'] };

    if (w.kind === 'DaemonSet' && w.pods.length === 0 && (w.eligibleNodes?.length ?? 0) === 0 && profile.nodes.length > 0) {
      out.push({
        id: 'daemonset-no-nodes',
        at,
        message: `${describe(w)} would run no pod: ${daemonIneligibility(w, profile)}`,
        related: nodeRelated(profile),
      });
    }

    const pending = created.filter((p) => p.nodeName === undefined && p.status.phase === 'Pending');
    if (pending.length > 0) {
      const first = pending[0];
      out.push({
        id: 'unschedulable',
        at,
        message: `${count(pending.length + notSimulated(w), w.pods.length + notSimulated(w), w)} ${first.status.reason === 'KubeletRejected' || first.status.reason === 'OutOfResources' ? 'would be rejected by the kubelet of their preset node' : 'would stay Pending'} (${first.status.reason ?? 'Unschedulable'}): ${first.status.message ?? 'no node fits'}`,
        related: nodeRelated(profile),
      });
    }

    const stuck = created.filter((p) => p.nodeName !== undefined && (p.status.reason === 'CreateContainerConfigError' || p.status.reason === 'ContainerCreating'));
    if (stuck.length > 0) {
      const problems = outcomes.startup.get(w.manifest) ?? [];
      const first = problems[0];
      if (first) {
        const rest = problems.length > 1 ? ` (and ${problems.length - 1} more missing reference${problems.length > 2 ? 's' : ''})` : '';
        out.push({
          id: 'config-error',
          at: { manifest: w.manifest, path: first.path },
          message: `${count(stuck, w.pods.length, w)} would never start: ${first.message}${rest}`,
          related: problems.slice(1).map((p) => ({ node: { manifest: w.manifest, path: p.path }, note: p.message }))
            .concat(first.target ? [{ node: { manifest: first.target, path: ['metadata', 'name'] }, note: `${first.target.ref.kind} without the key` }] : []),
        });
      }
    }
  }
  return out;
}

/**
 * Why no node is eligible for a DaemonSet (§4.5), per node and counted like the scheduler's
 * message: `0/4 nodes are eligible: 1 node(s) had untolerated taint {…}, 3 node(s) didn't match
 * Pod's node affinity/selector`.
 */
function daemonIneligibility(w: SimWorkload, profile: ClusterProfile): string {
  const template = podTemplateOf(w.manifest.object);
  if (!template) return 'it has no pod template';
  const spec = structuredClone(template.spec);
  addDaemonTolerations(spec);
  const tolerations = tolerationsOf(spec);
  const reasons = new Map<string, number>();
  for (const node of profile.nodes) {
    const taint = firstUntoleratedTaint(node.taints, tolerations, ['NoSchedule', 'NoExecute']);
    // In the scheduler's filter order: TaintToleration before NodeAffinity (§3.1).
    const reason = taint
      ? `node(s) had untolerated taint {${taint.key}: ${taint.value}}`
      : !matchesNodeSelectorAndAffinity(spec, node)
        ? "node(s) didn't match Pod's node affinity/selector"
        : 'node(s) were not eligible';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const histogram = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${profile.nodes.length} nodes are eligible: ${histogram.join(', ')}`;
}

/** The nodes of a profile read from a file, as related locations (none for the built-in profile). */
export function nodeRelated(profile: ClusterProfile): SimRelated[] {
  return profile.nodes
    .filter((n) => n.manifest !== undefined)
    .slice(0, 5)
    .map((n) => ({ node: { manifest: n.manifest!, path: ['metadata', 'name'] }, note: `node ${n.name} of the cluster profile` }));
}
