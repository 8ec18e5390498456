import { formatRef } from '../findings.js';
import { isDefaultClusterRole, isDefaultRole, RBAC_GROUP, roleRefOf } from '../k8s/rbac.js';
import type { Manifest } from '../resolver/manifest.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule, type RuleContext } from './types.js';

/** A hint when the role exists under the other kind or (for a Role) in another namespace. */
function nearMiss(ctx: RuleContext, kind: 'Role' | 'ClusterRole', name: string, namespace: string | undefined, binding: Manifest): string {
  if (kind === 'Role') {
    if (ctx.graph.get({ group: RBAC_GROUP, kind: 'ClusterRole', name })) return ` (a ClusterRole "${name}" exists: set roleRef.kind to ClusterRole)`;
    const elsewhere = ctx.graph.ofKind('Role', RBAC_GROUP).find((m) => m.ref.name === name && m.ref.namespace !== namespace);
    if (elsewhere) return ` (${formatRef(elsewhere.ref)} exists, but a RoleBinding can only use a Role of its own namespace)`;
    return '';
  }
  if (binding.ref.kind === 'RoleBinding') {
    const role = ctx.graph.get({ group: RBAC_GROUP, kind: 'Role', namespace, name });
    if (role) return ` (${formatRef(role.ref)} exists: set roleRef.kind to Role)`;
  }
  return '';
}

export default defineRule({
  meta: {
    id: 'dangling-role-ref',
    category: 'security',
    severity: 'warning',
    description: 'A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole that is not in the input.',
    rationale:
      'A binding to a role that does not exist grants nothing, so the subjects get "forbidden" errors from the API server. It is also a latent grant: whoever later creates a role with that name silently hands its permissions to the bound subjects.',
  },
  check(ctx) {
    const bindings = [...ctx.graph.ofKind('RoleBinding', RBAC_GROUP), ...ctx.graph.ofKind('ClusterRoleBinding', RBAC_GROUP)].sort(
      (a, b) => a.index - b.index,
    );
    for (const binding of bindings) {
      const ref = roleRefOf(binding.object);
      if (!ref || ref.kind === undefined || ref.name === undefined) continue; // schema reports a missing roleRef
      if (ref.apiGroup !== undefined && ref.apiGroup !== RBAC_GROUP) continue; // invalid apiGroup: rejected by validation
      const { kind, name } = ref;
      if (kind !== 'Role' && kind !== 'ClusterRole') continue;
      const isClusterBinding = binding.ref.kind === 'ClusterRoleBinding';
      if (isClusterBinding && kind === 'Role') {
        ctx.report({
          node: { manifest: binding, path: [...ref.path, 'kind'] },
          message: `${formatRef(binding.ref)} refers to Role "${name}", but a ClusterRoleBinding can only refer to a ClusterRole, so the API server rejects it.`,
          severity: 'error',
        });
        continue;
      }
      const namespace = kind === 'Role' ? (binding.ref.namespace ?? 'default') : undefined;
      if (kind === 'ClusterRole' ? isDefaultClusterRole(name) : isDefaultRole(namespace!, name)) continue;
      if (ctx.graph.getAll({ group: RBAC_GROUP, kind, namespace, name }).length > 0) continue;
      const verdict = missingReference(ctx, { group: RBAC_GROUP, kind, namespace, name });
      if (!verdict.report) continue;
      const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
      // A role of that name under the other kind or in another namespace shows the input meant to define it.
      const hint = nearMiss(ctx, kind, name, namespace, binding);
      const capped = verdict.maxSeverity !== undefined && hint === '';
      ctx.report({
        node: { manifest: binding, path: [...ref.path, 'name'] },
        message: `${formatRef(binding.ref)} binds ${kind} "${name}", which is not in the input${where}, so its subjects are granted nothing and get "forbidden" errors until a role of that name appears${hint}${capped ? absentKindNote(kind) : ''}.`,
        maxSeverity: capped ? verdict.maxSeverity : undefined,
      });
    }
  },
});
