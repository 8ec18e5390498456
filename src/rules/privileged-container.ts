import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { effectiveSecurityContext } from '../k8s/security-context.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    category: 'security',
    severity: 'warning',
    description: 'A container that sets securityContext.privileged: true.',
    rationale:
      'A privileged container gets every Linux capability, sees all host devices and runs without the seccomp and AppArmor confinement of ordinary containers: root in it is root on the node, and a compromise of the container is a compromise of the node and of every pod on it.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const privileged = effectiveSecurityContext(entry.template, c).privileged;
        if (privileged.value !== true || !privileged.path) continue;
        ctx.report({
          node: { manifest: entry.manifest, path: privileged.path },
          message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} runs privileged, so it has every capability and access to all host devices: a process that breaks into it controls the node.`,
        });
      }
    }
  },
});
