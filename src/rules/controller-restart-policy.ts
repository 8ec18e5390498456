import { formatRef } from '../findings.js';
import { defineRule } from './types.js';

const LONG_RUNNING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);

export default defineRule({
  meta: {
    id: 'controller-restart-policy',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: 'A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController whose pod template sets restartPolicy to something other than Always.',
    rationale:
      'Controllers of long-running pods recreate pods that stop, so they accept only restartPolicy: Always in their pod template; the API server rejects the object with "Unsupported value", and the whole apply fails.',
    supersededBy: ['schema'],
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      if (!LONG_RUNNING.has(entry.manifest.ref.kind)) continue;
      const policy = entry.template.spec.restartPolicy;
      if (policy === undefined || policy === null || policy === 'Always') continue;
      const shown = typeof policy === 'string' ? `"${policy}"` : 'a non-string value';
      ctx.report({
        node: { manifest: entry.manifest, path: [...entry.template.specPath, 'restartPolicy'] },
        message: `${formatRef(entry.manifest.ref)} sets restartPolicy ${shown} in its pod template, but a ${entry.manifest.ref.kind} accepts only Always, so the API server rejects it; use a Job for pods that should run to completion.`,
      });
    }
  },
});
