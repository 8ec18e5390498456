/**
 * Deployment controller (§4.2): one ReplicaSet `<deployment>-<pod-template-hash>` whose pods are
 * `<rs>-<5 chars>`, carrying the label `pod-template-hash`. Replicas default 1 (or follow an HPA,
 * §4.8); the rolling-update fenceposts are resolved for the day-2 simulation.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { labelsOf } from '../../k8s/selector.js';
import { isRecord, valueAt } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import { templateHash } from '../naming.js';
import type { ControllerContext } from './context.js';
import { desiredReplicas } from './hpa.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { deploymentStrategy } from './rollout-strategy.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function reconcileDeployment(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push('no pod template (spec.template.spec): the API server rejects the Deployment, so no pods are created');
    return workload;
  }
  const desired = desiredReplicas(manifest, ctx.hpas);
  if (!desired.ok) {
    workload.notes.push(desired.note);
    return workload;
  }
  const spec = manifest.object.spec as Record<string, unknown>;
  workload.desiredReplicas = desired.replicas;
  workload.hpa = desired.hpa;
  workload.notes.push(...desired.notes);
  const resolved = deploymentStrategy(spec, desired.replicas);
  workload.strategy = resolved.strategy;
  workload.notes.push(...resolved.notes);

  // `ComputeHash(&d.Spec.Template, d.Status.CollisionCount)` (§4.1).
  const status = isRecord(manifest.object.status) ? manifest.object.status : {};
  const collisionCount = typeof status.collisionCount === 'number' && Number.isInteger(status.collisionCount) ? status.collisionCount : undefined;
  const hash = templateHash(valueAt(manifest.object, template.path), collisionCount);
  const rsName = `${workload.name}-${hash}`;
  workload.generatedName = rsName;
  if (spec.paused === true) {
    // `sync` of a paused Deployment never creates the new ReplicaSet (deployment_controller.go syncDeployment).
    workload.notes.push(`spec.paused is true: the controller does not create ReplicaSet ${rsName}, so no pods are created`);
    return workload;
  }
  const labels = { ...labelsOf(template.metadata.labels), [POD_TEMPLATE_HASH_LABEL]: hash };
  const defaulted = new DefaultedTemplate(template.spec);
  for (let i = 0; i < desired.replicas; i++) {
    addPod(ctx, workload, {
      manifest,
      template,
      generated: [`ReplicaSet/${rsName}`],
      namespace: workload.namespace,
      name: ctx.names.generate(workload.namespace, `${rsName}-`, `${workload.namespace}/${rsName}/${i}`),
      ordinal: i,
      labels: { ...labels },
      spec: defaulted.copy(),
      requests: defaulted.requests,
    });
  }
  return workload;
}
