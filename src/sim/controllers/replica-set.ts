/**
 * ReplicaSet and ReplicationController controllers (§4.3): `replicas` (default 1, or an HPA's, §4.8)
 * pods named `<rs>-<5 chars>`, less the bare Pods of the input it adopts by selector.
 */
import { labelsOf } from '../../k8s/selector.js';
import type { Manifest } from '../../resolver/manifest.js';
import { objectName, type ControllerContext } from './context.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { startReplicated } from './replicated.js';
import type { SimWorkload } from './workload.js';

export function reconcileReplicaSet(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const start = startReplicated(manifest, ctx);
  if (!start.ok) return start.workload;
  const { workload, template } = start;

  const adopted = ctx.adoptions.byController.get(manifest) ?? [];
  if (adopted.length > 0) {
    const names = adopted.map(objectName).join(', ');
    const created = Math.max(0, start.replicas - adopted.length);
    workload.notes.push(
      `adopts ${names} (no controller, labels match the selector): creates ${created} pod${created === 1 ? '' : 's'} instead of ${start.replicas}`,
    );
    if (adopted.length > start.replicas) {
      workload.notes.push(`adopts ${adopted.length} pods for ${start.replicas} replicas: the controller deletes ${adopted.length - start.replicas} of them`);
    }
  }
  const labels = labelsOf(template.metadata.labels);
  const defaulted = new DefaultedTemplate(template.spec);
  const toCreate = Math.max(0, start.replicas - adopted.length);
  for (let i = 0; i < toCreate; i++) {
    addPod(ctx, workload, {
      manifest,
      template,
      generated: [],
      namespace: workload.namespace,
      name: ctx.names.generate(workload.namespace, `${workload.name}-`, `${workload.namespace}/${workload.name}/${i}`),
      ordinal: i,
      labels: { ...labels },
      spec: defaulted.copy(),
      requests: defaulted.requests,
    });
  }
  return workload;
}
