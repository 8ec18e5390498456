/**
 * ReplicaSet and ReplicationController controllers (§4.3): `replicas` (default 1, or an HPA's, §4.8)
 * pods named `<rs>-<5 chars>`, less the bare Pods of the input it adopts by selector.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { labelsOf } from '../../k8s/selector.js';
import type { Manifest } from '../../resolver/manifest.js';
import { objectName, type ControllerContext } from './context.js';
import { desiredReplicas } from './hpa.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export function reconcileReplicaSet(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push(`no pod template (spec.template.spec): the API server rejects the ${manifest.ref.kind}, so no pods are created`);
    return workload;
  }
  const desired = desiredReplicas(manifest, ctx.hpas);
  if (!desired.ok) {
    workload.notes.push(desired.note);
    return workload;
  }
  workload.desiredReplicas = desired.replicas;
  workload.hpa = desired.hpa;
  workload.notes.push(...desired.notes);

  const adopted = ctx.adoptions.byController.get(manifest) ?? [];
  if (adopted.length > 0) {
    const names = adopted.map(objectName).join(', ');
    const created = Math.max(0, desired.replicas - adopted.length);
    workload.notes.push(
      `adopts ${names} (no controller, labels match the selector): creates ${created} pod${created === 1 ? '' : 's'} instead of ${desired.replicas}`,
    );
    if (adopted.length > desired.replicas) {
      workload.notes.push(`adopts ${adopted.length} pods for ${desired.replicas} replicas: the controller deletes ${adopted.length - desired.replicas} of them`);
    }
  }
  const labels = labelsOf(template.metadata.labels);
  const defaulted = new DefaultedTemplate(template.spec);
  const toCreate = Math.max(0, desired.replicas - adopted.length);
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
