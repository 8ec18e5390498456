import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { effectiveSecurityContext, isWindowsPod } from '../k8s/security-context.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'writable-root-fs',
    category: 'security',
    severity: 'warning',
    description: 'A container without securityContext.readOnlyRootFilesystem: true.',
    rationale:
      "With a writable root filesystem an intruder can drop tools, change binaries and configuration of the running container, and fill the node's disk through the container's writable layer. A read-only root filesystem with emptyDir volumes for the few paths the program writes keeps the container identical to its image.",
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      // Windows pods cannot set the field: the API server rejects it.
      if (isWindowsPod(entry.template)) continue;
      const ref = formatRef(entry.manifest.ref);
      for (const c of entry.containers) {
        const rofs = effectiveSecurityContext(entry.template, c).readOnlyRootFilesystem;
        if (rofs.value === true) continue;
        const label = containerLabelStart(c);
        ctx.report({
          node: { manifest: entry.manifest, path: rofs.path ?? [...c.path, 'name'] },
          message:
            rofs.value === false
              ? `${label} of ${ref} sets readOnlyRootFilesystem: false, so a process that breaks into it can rewrite the container's binaries and configuration and plant tools.`
              : `${label} of ${ref} does not set readOnlyRootFilesystem: true, so a process that breaks into it can rewrite the container's binaries and configuration and plant tools.`,
        });
      }
    }
  },
});
