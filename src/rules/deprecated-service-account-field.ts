import { formatRef } from '../findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'deprecated-service-account-field',
    category: 'configuration',
    severity: 'warning',
    description: 'A pod template that sets the deprecated serviceAccount field instead of serviceAccountName.',
    rationale:
      'spec.serviceAccount is a deprecated alias of serviceAccountName. When only the alias is set the API server copies it, but tools that read serviceAccountName (policies, linters, kubectl explain users) miss it, and when both are set with different names the pod runs as serviceAccountName and the alias is silently ignored.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const spec = entry.template.spec;
      const alias = spec.serviceAccount;
      if (typeof alias !== 'string' || alias === '') continue;
      const name = spec.serviceAccountName;
      const owner = formatRef(entry.manifest.ref);
      const node = { manifest: entry.manifest, path: [...entry.template.specPath, 'serviceAccount'], part: 'key' as const };
      if (typeof name === 'string' && name !== '' && name !== alias) {
        ctx.report({
          node,
          message: `${owner} sets the deprecated serviceAccount "${alias}" and serviceAccountName "${name}", so its pods run as "${name}" and the deprecated field is ignored; remove serviceAccount.`,
          related: [{ node: { manifest: entry.manifest, path: [...entry.template.specPath, 'serviceAccountName'] }, note: 'the field that wins' }],
        });
      } else if (name === undefined || name === null || name === '') {
        ctx.report({
          node,
          message: `${owner} names its ServiceAccount with the deprecated field serviceAccount; use serviceAccountName, which the API server, policies and tools read.`,
        });
      } else {
        ctx.report({
          node,
          message: `${owner} repeats its ServiceAccount in the deprecated field serviceAccount; remove it and keep serviceAccountName.`,
        });
      }
    }
  },
});
