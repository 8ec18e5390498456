import { formatRef } from '../findings.js';
import { matchesSelector, selectorFromMap, isEmptySelector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'recreate-strategy',
    category: 'reliability',
    severity: 'info',
    description: 'A Deployment behind a Service that uses the Recreate strategy.',
    rationale:
      'With strategy Recreate a rollout first stops every old pod and only then starts the new ones, so the Service has no endpoints until the new pods are ready: every rollout is an outage. RollingUpdate (the default) replaces pods gradually. Recreate is only needed when two versions must never run together, or when pods share a ReadWriteOnce volume (such Deployments are not reported).',
  },
  check(ctx) {
    const services = ctx.graph.ofKind('Service', '');
    for (const entry of ctx.graph.podTemplates()) {
      if (entry.manifest.ref.kind !== 'Deployment') continue;
      const spec = entry.manifest.object.spec;
      const strategy = isRecord(spec) && isRecord(spec.strategy) ? spec.strategy : undefined;
      if (strategy?.type !== 'Recreate') continue;
      // A ReadWriteOnce claim can be attached to one node at a time: Recreate is the usual answer.
      const volumes = entry.template.spec.volumes;
      if (Array.isArray(volumes) && volumes.some((v) => isRecord(v) && isRecord(v.persistentVolumeClaim))) continue;
      const svc = services.find((s) => {
        if ((s.ref.namespace ?? 'default') !== entry.namespace || !isRecord(s.object.spec)) return false;
        const selector = selectorFromMap(s.object.spec.selector);
        return !isEmptySelector(selector) && matchesSelector(selector, entry.labels);
      });
      if (!svc) continue;
      ctx.report({
        node: { manifest: entry.manifest, path: ['spec', 'strategy', 'type'] },
        message: `${formatRef(entry.manifest.ref)} uses the Recreate strategy while ${formatRef(svc.ref)} routes to it, so every rollout stops all old pods before new ones are ready and the Service has no endpoints in between.`,
        related: [{ node: { manifest: svc, path: ['spec', 'selector'] }, note: 'the Service' }],
      });
    }
  },
});
