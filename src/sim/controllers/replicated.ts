/**
 * What the controllers of replicated workloads (Deployment, ReplicaSet, ReplicationController,
 * StatefulSet) do first: find the pod template and the desired replica count (with an HPA, §4.8).
 */
import { podTemplateOf, type PodTemplate } from '../../k8s/pod-template.js';
import type { Manifest } from '../../resolver/manifest.js';
import { simulatedPodCount, type ControllerContext } from './context.js';
import { desiredReplicas } from './hpa.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export type ReplicatedStart =
  /** `replicas`: the pods to create (the desired count, capped for the simulation). */
  | { ok: true; workload: SimWorkload; template: PodTemplate; spec: Record<string, unknown>; replicas: number }
  /** No pods: the workload carries a note saying why. */
  | { ok: false; workload: SimWorkload };

export function startReplicated(manifest: Manifest, ctx: ControllerContext): ReplicatedStart {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push(`no pod template (spec.template.spec): the API server rejects the ${manifest.ref.kind}, so no pods are created`);
    return { ok: false, workload };
  }
  const desired = desiredReplicas(manifest, ctx.hpas);
  if (!desired.ok) {
    workload.notes.push(desired.note);
    return { ok: false, workload };
  }
  workload.desiredReplicas = desired.replicas;
  workload.hpa = desired.hpa;
  workload.notes.push(...desired.notes);
  const replicas = simulatedPodCount(desired.replicas, ctx, workload.notes);
  return { ok: true, workload, template, spec: manifest.object.spec as Record<string, unknown>, replicas };
}
