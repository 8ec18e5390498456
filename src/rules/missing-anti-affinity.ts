import { formatRef } from '../findings.js';
import { minimumReplicas } from '../k8s/replicas.js';
import { matchesSelector, parseLabelSelector, type Labels } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

/** True when a term or constraint selects the workload's own pods (so it spreads them apart). */
function selectsOwnPods(term: unknown, labels: Labels): boolean {
  if (!isRecord(term)) return false;
  const parsed = parseLabelSelector(term.labelSelector);
  return parsed.ok && matchesSelector(parsed.selector, labels) && typeof term.topologyKey === 'string' && term.topologyKey !== '';
}

function spreadsItself(spec: Record<string, unknown>, labels: Labels): boolean {
  if (Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.some((c) => selectsOwnPods(c, labels))) return true;
  const anti = isRecord(spec.affinity) && isRecord(spec.affinity.podAntiAffinity) ? spec.affinity.podAntiAffinity : undefined;
  if (!anti) return false;
  const required = anti.requiredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(required) && required.some((t) => selectsOwnPods(t, labels))) return true;
  const preferred = anti.preferredDuringSchedulingIgnoredDuringExecution;
  return Array.isArray(preferred) && preferred.some((p) => isRecord(p) && selectsOwnPods(p.podAffinityTerm, labels));
}

export default defineRule({
  meta: {
    id: 'missing-anti-affinity',
    category: 'reliability',
    severity: 'info',
    description: 'A workload with two or more replicas and neither pod anti-affinity nor a topology spread constraint on its own pods.',
    rationale:
      'The scheduler places each pod on the node that scores best at that moment, and nothing stops it from putting every replica on the same node or zone. When that node or zone fails, all replicas go down together, so the extra replicas buy no availability. Pod anti-affinity or topologySpreadConstraints over the workload\'s own labels spread them.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const replicas = minimumReplicas(ctx.graph, entry.manifest);
      if (!replicas || replicas.count < 2) continue;
      if (spreadsItself(entry.template.spec, entry.labels)) continue;
      ctx.report({
        node: { manifest: entry.manifest, path: [...entry.template.specPath], part: 'key' },
        message: `${formatRef(entry.manifest.ref)} runs ${replicas.source === 'hpa' ? `at least ${replicas.count}` : replicas.count} replicas without pod anti-affinity or topologySpreadConstraints on its own labels, so the scheduler may put them all on one node and one node failure takes them all down.`,
      });
    }
  },
});
