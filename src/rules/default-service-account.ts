import { formatRef } from '../findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'default-service-account',
    category: 'security',
    severity: 'warning',
    defaultOff: true,
    description: 'A pod template that runs as the namespace\'s default ServiceAccount (off by default).',
    rationale:
      'Every pod that names no ServiceAccount runs as "default", so all of them share one identity: a permission granted to one workload through the default account is granted to all, and audit logs cannot tell them apart. A ServiceAccount per workload keeps permissions and tokens separate.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const spec = entry.template.spec;
      const name = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '' ? spec.serviceAccountName : typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : 'default';
      if (name !== 'default') continue;
      const explicit = spec.serviceAccountName === 'default';
      ctx.report({
        node: explicit ? { manifest: entry.manifest, path: [...entry.template.specPath, 'serviceAccountName'] } : { manifest: entry.manifest, path: entry.template.specPath, part: 'key' },
        message: `${formatRef(entry.manifest.ref)} ${explicit ? 'runs as' : 'names no ServiceAccount, so it runs as'} the namespace's "default" ServiceAccount, sharing its identity and permissions with every other pod that does; give it its own ServiceAccount.`,
      });
    }
  },
});
