import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'unsafe-proc-mount',
    category: 'security',
    severity: 'warning',
    description: 'A container that sets securityContext.procMount to something other than Default (Unmasked).',
    rationale:
      'The container runtime masks and makes read-only the parts of /proc (kcore, keys, sysrq-trigger…) that expose or control the host kernel. procMount: Unmasked removes those protections, which is only safe inside a user namespace (hostUsers: false); the Pod Security baseline level forbids it otherwise.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      if (entry.template.spec.hostUsers === false) continue; // the intended use: nested containers in a user namespace
      for (const c of entry.containers) {
        const sc = c.container.securityContext;
        if (!isRecord(sc) || typeof sc.procMount !== 'string' || sc.procMount === '' || sc.procMount === 'Default') continue;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'securityContext', 'procMount'] },
          message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} sets procMount: ${sc.procMount} outside a user namespace, which removes the masking of the host kernel's sensitive /proc entries (and breaks the Pod Security baseline level).`,
        });
      }
    }
  },
});
