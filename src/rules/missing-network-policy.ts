import { formatRef } from '../findings.js';
import { parseLabelSelector, matchesSelector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule } from './types.js';

/** The directions a NetworkPolicy isolates: policyTypes, or Ingress (+ Egress when it has egress rules). */
function policyTypes(np: Manifest): Set<string> {
  const spec = np.object.spec;
  if (!isRecord(spec)) return new Set();
  if (Array.isArray(spec.policyTypes)) return new Set(spec.policyTypes.filter((t): t is string => typeof t === 'string'));
  return new Set(spec.egress !== undefined && spec.egress !== null ? ['Ingress', 'Egress'] : ['Ingress']);
}

export default defineRule({
  meta: {
    id: 'missing-network-policy',
    category: 'security',
    severity: 'warning',
    defaultOff: true,
    description: 'A pod template that no NetworkPolicy of its namespace selects for ingress (and, optionally, egress) (off by default).',
    rationale:
      'Pods that no NetworkPolicy selects accept connections from every pod of the cluster and can connect anywhere: a compromised pod elsewhere reaches them directly. A NetworkPolicy that selects them (even a default-deny one) makes only the listed traffic possible. It requires a network plugin that enforces NetworkPolicy.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireEgress: { type: 'boolean', description: 'Also require a policy that isolates egress (default false).' },
      },
    },
    defaults: { requireEgress: false },
  },
  check(ctx) {
    const requireEgress = ctx.options.requireEgress === true;
    const policies = ctx.graph.ofKind('NetworkPolicy', 'networking.k8s.io');
    for (const entry of ctx.graph.podTemplates()) {
      const covering = new Set<string>();
      for (const np of policies) {
        if ((np.ref.namespace ?? 'default') !== entry.namespace) continue;
        const spec = np.object.spec;
        const parsed = parseLabelSelector(isRecord(spec) ? (spec.podSelector ?? {}) : undefined);
        if (!parsed.ok || !matchesSelector(parsed.selector, entry.labels)) continue;
        for (const t of policyTypes(np)) covering.add(t);
      }
      const missing = ['Ingress', ...(requireEgress ? ['Egress'] : [])].filter((t) => !covering.has(t));
      if (missing.length === 0) continue;
      ctx.report({
        node: { manifest: entry.manifest, path: ['metadata', 'name'] },
        message: `No NetworkPolicy in namespace "${entry.namespace}" selects the pods of ${formatRef(entry.manifest.ref)} for ${missing.join(' and ').toLowerCase()}, so ${missing.includes('Ingress') ? 'every pod of the cluster can connect to them' : 'they can connect anywhere'}.`,
      });
    }
  },
});
