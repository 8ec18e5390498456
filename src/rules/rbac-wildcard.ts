import { formatRef } from '../findings.js';
import { policyRulesOf, isPlatformManaged, rolesOf } from '../k8s/rbac-policy.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    category: 'security',
    severity: 'warning',
    description: 'A Role or ClusterRole rule that grants every verb or every resource ("*").',
    rationale:
      'A wildcard grants far more than the workload needs: every verb includes delete, escalate, bind and impersonate where they apply, and every resource includes Secrets, pods/exec and any resource type added to the cluster later. A compromised pod or token bound to such a role can do all of it.',
  },
  check(ctx) {
    const READ = new Set(['get', 'list', 'watch']);
    for (const role of rolesOf(ctx.graph)) {
      if (isPlatformManaged(role)) continue; // system: roles and copies of the built-in ones
      const raw = role.object.rules as unknown[];
      for (const rule of policyRulesOf(role)) {
        const anyVerb = rule.verbs.includes('*');
        const anyResource = rule.resources.includes('*');
        const coreOrAll = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
        // A read-only wildcard over the resources of one extension group (metrics, CRDs) is routine.
        if (!anyVerb && !(anyResource && (coreOrAll || rule.verbs.some((v) => !READ.has(v))))) continue;
        const item = raw[rule.path[1] as number] as { verbs?: unknown[]; resources?: unknown[] };
        const path = anyVerb ? [...rule.path, 'verbs', (item.verbs ?? []).indexOf('*')] : [...rule.path, 'resources', (item.resources ?? []).indexOf('*')];
        const groups = rule.apiGroups.includes('*')
          ? 'of every API group'
          : `of API group${rule.apiGroups.length > 1 ? 's' : ''} ${rule.apiGroups.map((g) => `"${g}"`).join(', ')}`;
        const what = `${anyVerb ? 'every verb' : rule.verbs.join(', ')} on ${anyResource ? `every resource ${groups}` : `${rule.resources.length > 3 ? `${rule.resources.slice(0, 3).join(', ')} and ${rule.resources.length - 3} more` : rule.resources.join(', ')} ${groups}`}`;
        const covers = [
          anyVerb ? 'delete and any verb added later' : '',
          anyResource ? `every resource type added later${coreOrAll ? ', Secrets included' : ''}` : '',
        ].filter(Boolean);
        ctx.report({
          node: { manifest: role, path },
          message: `${formatRef(role.ref)} grants ${what} through a wildcard, which covers ${covers.join(' and ')}; list the verbs and resources it needs.`,
        });
      }
    }
  },
});
