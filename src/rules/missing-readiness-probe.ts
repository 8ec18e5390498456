import { formatRef } from '../findings.js';
import { isLongRunningContainer } from '../k8s/probes.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-readiness-probe',
    category: 'reliability',
    severity: 'warning',
    description: 'A long-running container without a readinessProbe.',
    rationale:
      'Without a readiness probe a container counts as Ready the moment it starts: Services send it traffic before the application can answer, rolling updates remove old pods before the new ones really serve, and a container that stops answering stays in the endpoints.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const kind = entry.manifest.ref.kind;
      for (const c of entry.containers) {
        if (!isLongRunningContainer(kind, entry.template, c)) continue;
        const probe = c.container.readinessProbe;
        if (probe !== undefined && probe !== null) continue;
        const label = c.sidecar ? `Sidecar container "${c.name}"` : `Container "${c.name}"`;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'name'] },
          message: `${label} of ${formatRef(entry.manifest.ref)} has no readinessProbe, so it counts as Ready the moment it starts: Services send it traffic and rollouts move on before the application can answer, and it stays Ready if it stops answering.`,
        });
      }
    }
  },
});
