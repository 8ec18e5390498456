import { formatRef } from '../findings.js';
import { RBAC_GROUP, roleRefOf } from '../k8s/rbac.js';
import { allowsEverything, isPlatformManaged, policyRulesOf } from '../k8s/rbac-policy.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule } from './types.js';

function subjectsOf(binding: Manifest): string {
  const subjects = binding.object.subjects;
  if (!Array.isArray(subjects) || subjects.length === 0) return 'its subjects';
  const names = subjects.filter(isRecord).map((s) => {
    const name = typeof s.name === 'string' ? s.name : '?';
    if (s.kind === 'ServiceAccount') return `ServiceAccount ${typeof s.namespace === 'string' ? `${s.namespace}/` : ''}${name}`;
    return `${typeof s.kind === 'string' ? s.kind : 'subject'} ${name}`;
  });
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

export default defineRule({
  meta: {
    id: 'cluster-admin-binding',
    category: 'security',
    severity: 'warning',
    description: 'A binding that grants the cluster-admin ClusterRole, or a role of the input that allows everything.',
    rationale:
      'cluster-admin (or any role with "*" verbs on "*" resources of "*" groups) allows every action on every object: reading all Secrets, running privileged pods, changing RBAC itself. A workload or person bound to it who is compromised hands over the whole cluster (or the whole namespace for a RoleBinding).',
  },
  check(ctx) {
    const bindings = [...ctx.graph.ofKind('ClusterRoleBinding', RBAC_GROUP), ...ctx.graph.ofKind('RoleBinding', RBAC_GROUP)].sort((a, b) => a.index - b.index);
    for (const binding of bindings) {
      if (isPlatformManaged(binding)) continue; // system: bindings are the cluster's own (system:masters…)
      const ref = roleRefOf(binding.object);
      if (!ref || ref.name === undefined || (ref.kind !== 'ClusterRole' && ref.kind !== 'Role')) continue;
      let role: string | undefined;
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') role = 'the cluster-admin ClusterRole';
      else {
        const target = ctx.graph.get({
          group: RBAC_GROUP,
          kind: ref.kind,
          namespace: ref.kind === 'Role' ? binding.ref.namespace : undefined,
          name: ref.name,
        });
        if (target && policyRulesOf(target).some(allowsEverything)) role = `${formatRef(target.ref)}, which allows every action on every resource`;
      }
      if (!role) continue;
      const scope = binding.ref.kind === 'ClusterRoleBinding' ? 'of the whole cluster' : `of namespace "${binding.ref.namespace}"`;
      ctx.report({
        node: { manifest: binding, path: ['roleRef', 'name'] },
        message: `${formatRef(binding.ref)} grants ${role} to ${subjectsOf(binding)}, giving full control ${scope}, Secrets and RBAC included; bind a role limited to what they need.`,
      });
    }
  },
});
