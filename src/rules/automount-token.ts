import { formatRef } from '../findings.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RelatedNode } from './types.js';

/** `namespace/name` of every ServiceAccount some RoleBinding or ClusterRoleBinding of the input binds. */
function boundServiceAccounts(bindings: readonly Manifest[]): Set<string> {
  const out = new Set<string>();
  for (const b of bindings) {
    const subjects = b.object.subjects;
    if (!Array.isArray(subjects)) continue;
    for (const s of subjects) {
      if (!isRecord(s) || s.kind !== 'ServiceAccount' || typeof s.name !== 'string') continue;
      // In a RoleBinding an empty subject namespace means the binding's own.
      const namespace = typeof s.namespace === 'string' && s.namespace !== '' ? s.namespace : b.ref.namespace;
      if (namespace !== undefined) out.add(`${namespace}/${s.name}`);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'automount-token',
    category: 'security',
    severity: 'warning',
    defaultOff: true,
    description: 'A pod template that gets its ServiceAccount token mounted although nothing in the input gives that account a role (off by default).',
    rationale:
      'Unless automountServiceAccountToken is false on the pod or its ServiceAccount, the kubelet mounts a token for the ServiceAccount into every container. A process that never talks to the Kubernetes API does not need it, and an attacker who gets code execution in the container can use it to call the API with whatever that account is allowed, or will later be allowed, to do.',
  },
  check(ctx) {
    const rbac = 'rbac.authorization.k8s.io';
    const bound = boundServiceAccounts([...ctx.graph.ofKind('RoleBinding', rbac), ...ctx.graph.ofKind('ClusterRoleBinding', rbac)]);
    for (const entry of ctx.graph.podTemplates()) {
      const spec = entry.template.spec;
      const podSetting = spec.automountServiceAccountToken;
      if (podSetting === false) continue;
      // serviceAccountName, or the deprecated serviceAccount; the namespace's `default` otherwise.
      const field = (['serviceAccountName', 'serviceAccount'] as const).find((f) => typeof spec[f] === 'string' && spec[f] !== '');
      const saName = field ? (spec[field] as string) : 'default';
      // A ServiceAccount the input binds to a role is meant to call the API: the token is needed.
      if (bound.has(`${entry.namespace}/${saName}`)) continue;
      const sa = ctx.graph.get({ group: '', kind: 'ServiceAccount', namespace: entry.namespace, name: saName });
      const saSetting = sa?.object.automountServiceAccountToken;
      if (podSetting !== true && saSetting === false) continue;

      const saRef = `ServiceAccount/${entry.namespace}/${saName}`;
      const ref = formatRef(entry.manifest.ref);
      let what: string;
      if (podSetting === true) {
        what = `sets automountServiceAccountToken: true, so every container gets an API token for ${saRef}`;
      } else {
        const why = sa
          ? 'neither the pod nor the ServiceAccount sets automountServiceAccountToken: false'
          : saName === 'default'
            ? "the pod does not set automountServiceAccountToken: false, and a namespace's default ServiceAccount mounts it unless changed"
            : 'the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not in the input';
        what = `gets an API token for ${saRef} mounted into every container (${why})`;
      }
      const specPath = entry.template.specPath;
      const node =
        podSetting === true
          ? { manifest: entry.manifest, path: [...specPath, 'automountServiceAccountToken'] }
          : field
            ? { manifest: entry.manifest, path: [...specPath, field] }
            : { manifest: entry.manifest, path: specPath, part: 'key' as const };
      const related: RelatedNode[] = [];
      if (sa && podSetting !== true) {
        related.push({ node: { manifest: sa, path: ['metadata', 'name'] }, note: 'the ServiceAccount, which does not set automountServiceAccountToken: false' });
      }
      ctx.report({
        node,
        message: `${ref} ${what}, which an attacker who compromises a container can use to call the Kubernetes API; set it to false unless the pod needs the API.`,
        related,
      });
    }
  },
});
