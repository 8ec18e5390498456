/**
 * Step 4 of the pipeline (§0): the controllers turn the workloads of the input into the pods (and
 * PersistentVolumeClaims) Kubernetes would create — Deployments → ReplicaSets → Pods, ReplicaSets,
 * ReplicationControllers, StatefulSets, DaemonSets, Jobs, one run of each CronJob, bare Pods.
 *
 * Deterministic: workloads in input order (`Manifest.index`), pods by ordinal within each, and the
 * same names for the same input. Invalid workloads yield no pods (their rules report them).
 */
import { isWorkloadKind } from '../../k8s/pod-template.js';
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { SimClaim, SimPod } from '../model.js';
import { NameRegistry } from '../naming.js';
import { findAdoptions } from './adoption.js';
import { namespaceOf, type ControllerContext, type ReconcileOptions } from './context.js';
import { reconcileCronJob } from './cron-job.js';
import { reconcileDaemonSet } from './daemon-set.js';
import { reconcileDeployment } from './deployment.js';
import { indexHpas } from './hpa.js';
import { reconcileJob } from './job.js';
import { reconcilePod } from './pod.js';
import { reconcileReplicaSet } from './replica-set.js';
import { reconcileStatefulSet } from './stateful-set.js';
import type { SimWorkload } from './workload.js';

export type { ReconcileOptions } from './context.js';
export type { SimWorkload } from './workload.js';

export interface Reconciled {
  /** Every workload of the input, in input order. */
  workloads: SimWorkload[];
  /** Every pod created, by workload in input order, then ordinal. */
  pods: SimPod[];
  /** Claims created by StatefulSet claim templates and generic ephemeral volumes (not the input's PVCs). */
  claims: SimClaim[];
}

type Controller = (manifest: Manifest, ctx: ControllerContext) => SimWorkload;

const CONTROLLERS: Readonly<Record<string, Controller>> = {
  Deployment: reconcileDeployment,
  ReplicaSet: reconcileReplicaSet,
  ReplicationController: reconcileReplicaSet,
  StatefulSet: reconcileStatefulSet,
  DaemonSet: reconcileDaemonSet,
  Job: reconcileJob,
  CronJob: reconcileCronJob,
  Pod: reconcilePod,
};

export function reconcile(graph: ObjectGraph, options: ReconcileOptions): Reconciled {
  const ctx: ControllerContext = {
    graph,
    options,
    names: new NameRegistry(),
    hpas: indexHpas(graph),
    adoptions: findAdoptions(graph),
    claims: [],
  };
  // Names written in the input are taken before any name is generated.
  for (const pod of graph.ofKind('Pod', '')) {
    if (typeof pod.object.metadata.name === 'string') ctx.names.reserve(namespaceOf(pod), pod.object.metadata.name);
  }
  const workloads: SimWorkload[] = [];
  for (const manifest of graph.manifests) {
    const controller = CONTROLLERS[manifest.ref.kind];
    if (controller && isWorkloadKind(manifest.ref.group, manifest.ref.kind)) workloads.push(controller(manifest, ctx));
  }
  return { workloads, pods: workloads.flatMap((w) => w.pods), claims: ctx.claims };
}
