import { formatRef } from '../findings.js';
import { grantedVerbs, policyRulesOf, isPlatformManaged, rolesOf, type PolicyRule } from '../k8s/rbac-policy.js';
import { defineRule } from './types.js';

const WORKLOADS: [string, string][] = [
  ['', 'pods'],
  ['', 'replicationcontrollers'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
];

/** What a rule grants that amounts to reading Secrets or gaining other identities. */
function sensitiveGrants(rule: PolicyRule): string[] {
  const out: string[] = [];
  const secretVerbs = grantedVerbs(rule, '', 'secrets', ['get', 'list', 'watch']);
  if (secretVerbs.length) out.push(`${secretVerbs.join('/')} on Secrets (reads every credential it can list)`);
  const creates = WORKLOADS.filter(([g, r]) => grantedVerbs(rule, g, r, ['create']).length).map(([, r]) => r);
  if (creates.length) out.push(`create on ${creates.join(', ')} (runs pods with any ServiceAccount and Secret of the namespace)`);
  const rbac = ['roles', 'clusterroles'].flatMap((r) => grantedVerbs(rule, 'rbac.authorization.k8s.io', r, ['escalate', 'bind']).map((v) => `${v} on ${r}`));
  if (rbac.length) out.push(`${rbac.join(', ')} (grants itself more permissions)`);
  const impersonate = ['users', 'groups', 'serviceaccounts'].filter((r) => grantedVerbs(rule, '', r, ['impersonate']).length);
  if (impersonate.length) out.push(`impersonate on ${impersonate.join(', ')} (acts as other identities)`);
  return out;
}

export default defineRule({
  meta: {
    id: 'rbac-sensitive-access',
    category: 'security',
    severity: 'warning',
    defaultOff: true,
    description: 'A Role or ClusterRole rule that reads Secrets, creates pods or workloads, escalates or binds roles, or impersonates (off by default).',
    rationale:
      'Some permissions are worth more than they look: reading Secrets yields every credential of the namespace, creating pods or workloads lets a subject run a pod with any ServiceAccount and mount any Secret, escalate and bind let it grant itself more, and impersonate lets it act as someone else. Many controllers need some of them, so review each grant.',
  },
  check(ctx) {
    for (const role of rolesOf(ctx.graph)) {
      if (isPlatformManaged(role)) continue; // system: roles and copies of the built-in ones
      for (const rule of policyRulesOf(role)) {
        const grants = sensitiveGrants(rule);
        if (grants.length === 0) continue;
        ctx.report({
          node: { manifest: role, path: [...rule.path, 'resources'], part: 'key' },
          message: `${formatRef(role.ref)} grants ${grants.join('; ')}, which is enough to take over other identities in its scope.`,
        });
      }
    }
  },
});
