import { formatRef } from '../findings.js';
import { containerLabel, containerLabelStart } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'secret-in-env',
    category: 'security',
    severity: 'info',
    defaultOff: true,
    description: 'A container that reads a Secret into environment variables (secretKeyRef or envFrom secretRef) instead of a mounted file (off by default).',
    rationale:
      'Environment variables are copied into every child process, show up in /proc/<pid>/environ, crash reports, debug endpoints and logs that print the environment, and stay fixed until the pod restarts. A Secret mounted as a file is readable only where the application opens it and is updated in place when the Secret changes (CIS Kubernetes Benchmark 5.4.1).',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      for (const c of entry.containers) {
        if (Array.isArray(c.container.env)) {
          c.container.env.forEach((e, i) => {
            if (!isRecord(e) || !isRecord(e.valueFrom) || !isRecord(e.valueFrom.secretKeyRef)) return;
            const secret = typeof e.valueFrom.secretKeyRef.name === 'string' ? ` "${e.valueFrom.secretKeyRef.name}"` : '';
            ctx.report({
              node: { manifest: entry.manifest, path: [...c.path, 'env', i, 'valueFrom', 'secretKeyRef'], part: 'key' },
              message: `Env var "${typeof e.name === 'string' ? e.name : i}" of ${containerLabel(c)} in ${owner} reads Secret${secret} into the environment, where child processes, crash dumps and environment dumps can expose it; mount the Secret as a file instead.`,
            });
          });
        }
        if (Array.isArray(c.container.envFrom)) {
          c.container.envFrom.forEach((e, i) => {
            if (!isRecord(e) || !isRecord(e.secretRef)) return;
            const secret = typeof e.secretRef.name === 'string' ? ` "${e.secretRef.name}"` : '';
            ctx.report({
              node: { manifest: entry.manifest, path: [...c.path, 'envFrom', i, 'secretRef'], part: 'key' },
              message: `${containerLabelStart(c)} of ${owner} loads every key of Secret${secret} into its environment, where child processes, crash dumps and environment dumps can expose them; mount the Secret as files instead.`,
            });
          });
        }
      }
    }
  },
});
