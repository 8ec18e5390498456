import { formatRef } from '../findings.js';
import { grantedVerbs, policyRulesOf, isPlatformManaged, rolesOf } from '../k8s/rbac-policy.js';
import { defineRule } from './types.js';

const SUBRESOURCES = ['pods/exec', 'pods/attach'];

export default defineRule({
  meta: {
    id: 'rbac-pod-exec',
    category: 'security',
    severity: 'warning',
    description: 'A Role or ClusterRole that allows exec into or attach to pods (pods/exec, pods/attach).',
    rationale:
      'Exec and attach run commands inside a running container: whoever holds the permission gets that container\'s files, its mounted Secrets and the token of its ServiceAccount, so it is as strong as the most privileged pod it can reach. Such permissions belong to people through short-lived grants, not to workloads.',
  },
  check(ctx) {
    for (const role of rolesOf(ctx.graph)) {
      if (isPlatformManaged(role)) continue; // system: roles and copies of the built-in ones
      for (const rule of policyRulesOf(role)) {
        const granted = SUBRESOURCES.filter((sub) => grantedVerbs(rule, '', sub, ['create', 'get']).length > 0);
        if (granted.length === 0) continue;
        ctx.report({
          node: { manifest: role, path: [...rule.path, 'resources'], part: 'key' },
          message: `${formatRef(role.ref)} allows ${granted.map((s) => s.slice(5)).join(' and ')} on pods${rule.resourceNames.length ? ' (for the named pods)' : ''}, so its subjects can run commands in those containers and use their Secrets and ServiceAccount tokens.`,
        });
      }
    }
  },
});
