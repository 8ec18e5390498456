import { formatRef } from '../findings.js';
import { isLongRunningContainer } from '../k8s/probes.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-liveness-probe',
    category: 'reliability',
    severity: 'warning',
    description: 'A long-running container without a livenessProbe.',
    rationale:
      'The kubelet restarts a container on its own only when the process exits. Without a liveness probe a process that hangs (a deadlock, a stuck event loop, an exhausted connection pool) keeps running and keeps its place in the pod until someone notices and deletes it.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const kind = entry.manifest.ref.kind;
      for (const c of entry.containers) {
        if (!isLongRunningContainer(kind, entry.template, c)) continue;
        const probe = c.container.livenessProbe;
        if (probe !== undefined && probe !== null) continue;
        const label = c.sidecar ? `Sidecar container "${c.name}"` : `Container "${c.name}"`;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'name'] },
          message: `${label} of ${formatRef(entry.manifest.ref)} has no livenessProbe, so if its process hangs without exiting the kubelet never restarts it.`,
        });
      }
    }
  },
});
