/**
 * A workload of the input as its controller reconciles it (§4): how many pods it wants, the pods
 * it creates, and what the day-2 rollout simulation needs to know about its update strategy.
 */
import type { Manifest } from '../../resolver/manifest.js';
import type { SimPod } from '../model.js';

/** A `maxSurge`/`maxUnavailable` setting: as written (or its default) and resolved to a pod count. */
export interface RolloutBound {
  /** The value as written (`2`, `"25%"`), or the default when absent. */
  raw: number | string;
  /** True when the field is absent (or invalid) and `raw` is the API default. */
  defaulted: boolean;
  /** Pods, after percentage rounding against the desired count (and the §4.2 fencepost rule). */
  resolved: number;
}

/**
 * The update strategy, with the defaults of §4.2 (Deployment), §4.4 (StatefulSet) and §4.5
 * (DaemonSet) applied.
 */
export interface RolloutStrategy {
  /** `RollingUpdate`, `Recreate` (Deployment) or `OnDelete` (StatefulSet, DaemonSet), as written or defaulted. */
  type: string;
  maxSurge?: RolloutBound;
  maxUnavailable?: RolloutBound;
  /** StatefulSet: only ordinals ≥ partition get the new revision (default 0). */
  partition?: number;
  /** Deployment: `replicas + maxSurge` — the most pods the rollout may run (§4.2). */
  maxTotalPods?: number;
  /** Deployment: `replicas − maxUnavailable` — the fewest available pods the rollout keeps (§4.2). */
  minAvailablePods?: number;
  /** Deployment `spec.minReadySeconds` (default 0): how long a Ready pod waits to count as available. */
  minReadySeconds?: number;
}

export interface SimWorkload {
  manifest: Manifest;
  kind: string;
  namespace: string;
  name: string;
  /** Pods the controller wants: replicas after defaults and HPA (§4.8), eligible nodes, Job parallelism. */
  desiredReplicas: number;
  /** The generated intermediate owner: the ReplicaSet of a Deployment, the Job of a CronJob. */
  generatedName?: string;
  /** Pods created, in ordinal order. */
  pods: SimPod[];
  /** StatefulSet `podManagementPolicy` (default `OrderedReady`, §4.4). */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  strategy?: RolloutStrategy;
  /** DaemonSet: names of the nodes it runs a pod on (§4.5), in node order. */
  eligibleNodes?: string[];
  /** The HPA that sets the replica count (§4.8), when one targets this workload. */
  hpa?: Manifest;
  /** Why the count or the pods are what they are (HPA, adoption, suspension, invalid fields). */
  notes: string[];
}

/** A workload before its controller has run: no pods, nothing desired yet. */
export function emptyWorkload(manifest: Manifest): SimWorkload {
  return {
    manifest,
    kind: manifest.ref.kind,
    namespace: manifest.ref.namespace ?? 'default',
    name: manifest.ref.name,
    desiredReplicas: 0,
    pods: [],
    notes: [],
  };
}
