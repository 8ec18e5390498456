import { formatRef } from '../findings.js';
import { REPLICATED_KINDS } from '../k8s/replicas.js';
import { findScaleTargets, horizontalPodAutoscalers, scaleTargetRefOf } from '../k8s/scale-target.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'hpa-replicas-conflict',
    category: 'reliability',
    severity: 'warning',
    description: 'A Deployment, StatefulSet or ReplicaSet that sets spec.replicas while a HorizontalPodAutoscaler in the input scales it.',
    rationale:
      'Once an HPA manages a workload, the autoscaler owns spec.replicas. A manifest that also sets it resets the replica count to the written value on every apply (kubectl, GitOps sync), scaling a busy workload down until the autoscaler reacts again.',
  },
  check(ctx) {
    const hpasOf = new Map<Manifest, Manifest[]>();
    for (const hpa of horizontalPodAutoscalers(ctx.graph)) {
      const target = scaleTargetRefOf(hpa.object);
      if (!target) continue;
      for (const workload of findScaleTargets(ctx.graph, hpa.ref.namespace ?? 'default', target)) {
        if (!REPLICATED_KINDS.has(workload.ref.kind)) continue;
        const list = hpasOf.get(workload);
        if (list) list.push(hpa);
        else hpasOf.set(workload, [hpa]);
      }
    }
    const workloads = [...hpasOf.keys()].sort((a, b) => a.index - b.index);
    for (const workload of workloads) {
      const spec = workload.object.spec;
      if (!isRecord(spec) || spec.replicas === undefined || spec.replicas === null) continue;
      const hpas = hpasOf.get(workload)!;
      const value = typeof spec.replicas === 'number' ? ` (${spec.replicas})` : '';
      const by = hpas.length === 1 ? `${formatRef(hpas[0].ref)} scales` : `${hpas.length} HorizontalPodAutoscalers scale`;
      ctx.report({
        node: { manifest: workload, path: ['spec', 'replicas'] },
        message:
          spec.replicas === 0
            ? `${formatRef(workload.ref)} sets spec.replicas to 0 although ${by} it, and the autoscaler leaves a workload with zero replicas alone, so every apply switches autoscaling off; remove spec.replicas from the manifest.`
            : `${formatRef(workload.ref)} sets spec.replicas${value} although ${by} it, so every apply resets the replica count the autoscaler chose; remove spec.replicas from the manifest.`,
        related: hpas.map((hpa) => ({ node: { manifest: hpa, path: ['metadata', 'name'] }, note: 'the HorizontalPodAutoscaler' })),
      });
    }
  },
});
