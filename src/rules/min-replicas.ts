import { formatRef } from '../findings.js';
import { minimumReplicas } from '../k8s/replicas.js';
import { defineRule } from './types.js';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export default defineRule({
  meta: {
    id: 'min-replicas',
    category: 'reliability',
    severity: 'warning',
    defaultOff: true,
    description: 'A Deployment or StatefulSet that runs fewer replicas than the configured minimum (off by default).',
    rationale:
      'With a single replica every restart, rollout, eviction or node failure is an outage of the workload until a new pod is scheduled and ready. Two or more replicas (spread over nodes) keep it serving through those events.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minReplicas: { type: 'integer', minimum: 1, description: 'The smallest replica count that is not reported (default 2).' },
      },
    },
    defaults: { minReplicas: 2 },
  },
  check(ctx) {
    const floor = isInt(ctx.options.minReplicas) ? ctx.options.minReplicas : 2;
    for (const entry of ctx.graph.podTemplates()) {
      const kind = entry.manifest.ref.kind;
      if (kind !== 'Deployment' && kind !== 'StatefulSet') continue;
      const replicas = minimumReplicas(ctx.graph, entry.manifest);
      if (!replicas || replicas.count >= floor || replicas.count === 0) continue;
      const path = replicas.source === 'replicas' ? ['spec', 'replicas'] : replicas.source === 'hpa' && replicas.hpa ? undefined : ['metadata', 'name'];
      const how =
        replicas.source === 'hpa' ? `can scale down to ${replicas.count} (HorizontalPodAutoscaler minReplicas)` : replicas.source === 'default' ? 'runs 1 replica (replicas is not set)' : `runs ${replicas.count} replica${replicas.count === 1 ? '' : 's'}`;
      ctx.report({
        node: path ? { manifest: entry.manifest, path } : { manifest: replicas.hpa!, path: ['spec', 'minReplicas'] },
        message: `${formatRef(entry.manifest.ref)} ${how}, fewer than ${floor}, so a restart, rollout, eviction or node failure leaves it without a ready pod.`,
      });
    }
  },
});
