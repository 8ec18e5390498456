/**
 * Deployment controller (§4.2): one ReplicaSet `<deployment>-<pod-template-hash>` whose pods are
 * `<rs>-<5 chars>`, carrying the label `pod-template-hash`. Replicas default 1 (or follow an HPA,
 * §4.8); the rolling-update fenceposts are resolved for the day-2 simulation.
 */
import { labelsOf } from '../../k8s/selector.js';
import { isRecord, valueAt } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import { templateHash } from '../naming.js';
import type { ControllerContext } from './context.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { deploymentStrategy } from './rollout-strategy.js';
import { startReplicated } from './replicated.js';
import type { SimWorkload } from './workload.js';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function reconcileDeployment(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const start = startReplicated(manifest, ctx);
  if (!start.ok) return start.workload;
  const { workload, template, spec } = start;
  const resolved = deploymentStrategy(spec, start.replicas);
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
  for (let i = 0; i < start.replicas; i++) {
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
