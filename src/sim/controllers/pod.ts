/**
 * Bare Pods of the input: the pod itself, with the API defaults applied (§2.1, §12.3). A Pod with only
 * `generateName` gets a deterministic suffix (§4.1). Adoption by a ReplicaSet (§4.3) is noted.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { labelsOf } from '../../k8s/selector.js';
import type { Manifest } from '../../resolver/manifest.js';
import { objectName, type ControllerContext } from './context.js';
import { addPod } from './new-pod.js';
import { defaultedPodSpec } from './pod-defaults.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export function reconcilePod(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push('no spec: the API server rejects the Pod');
    return workload;
  }
  const meta = manifest.object.metadata;
  const name =
    typeof meta.name === 'string' && meta.name !== ''
      ? meta.name
      : ctx.names.generate(workload.namespace, typeof meta.generateName === 'string' ? meta.generateName : '', `${workload.namespace}/Pod/${manifest.index}`);
  workload.name = name;
  workload.desiredReplicas = 1;
  const adopter = ctx.adoptions.byPod.get(manifest);
  if (adopter) workload.notes.push(`adopted by ${objectName(adopter)}, whose selector matches its labels`);
  addPod(ctx, workload, {
    manifest,
    template,
    generated: [],
    namespace: workload.namespace,
    name,
    ordinal: 0,
    labels: labelsOf(meta.labels),
    spec: defaultedPodSpec(template.spec),
  });
  return workload;
}
