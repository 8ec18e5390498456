/**
 * The simulator's data model: nodes, pods, volumes and the state the scheduler places pods into.
 * Section numbers (§) refer to ../shared/docs/k8s-semantics.md.
 */
import type { PodTemplate } from '../k8s/pod-template.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';

/**
 * Amounts per resource name. `cpu` is in millicores; `memory`, `ephemeral-storage` and
 * `hugepages-*` in bytes; `pods` and extended resources (`nvidia.com/gpu`) in units. All integers.
 */
export type ResourceList = Record<string, number>;

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value: string;
  effect: TaintEffect;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** A node of the cluster profile (§3). */
export interface SimNode {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  /** `status.allocatable` (or capacity when allocatable is absent); `pods` defaults to 110 (§3.3). */
  allocatable: ResourceList;
  /** `spec.unschedulable` (cordoned). */
  unschedulable: boolean;
  /** The Node object this came from (a `--cluster` file or the input); none for the built-in profile. */
  manifest?: Manifest;
}

export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';

export interface SimStorageClass {
  name: string;
  provisioner: string;
  volumeBindingMode: VolumeBindingMode;
  isDefault: boolean;
  /** `allowedTopologies` reduced to label requirements a node must meet (any term). */
  allowedTopologies: { key: string; values: string[] }[][];
  manifest?: Manifest;
}

/** The cluster drydock simulates against: nodes, storage classes and pre-existing PVs. */
export interface ClusterProfile {
  /** `built-in default profile` or the path of the `--cluster` file. */
  source: string;
  nodes: SimNode[];
  storageClasses: SimStorageClass[];
  /** PersistentVolume objects (from the `--cluster` file and the input). */
  persistentVolumes: Manifest[];
}

/** The workload object that (transitively) created a pod, and the chain of generated owners. */
export interface PodOwner {
  /** The top-level object in the input: Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet, RC or Pod. */
  manifest: Manifest;
  /** `Kind/name` of each generated intermediate owner, outermost first: `['ReplicaSet/web-5d8f7c9b4']`. */
  generated: string[];
}

export type PodPhase =
  /** Admission rejected the pod: it was never created (the controller reports FailedCreate). */
  | 'Rejected'
  /** Created but not scheduled, or scheduled but not startable. */
  | 'Pending'
  | 'Running'
  /** A Job pod that ran to completion (does not hold node resources). */
  | 'Succeeded';

export interface PodStatus {
  phase: PodPhase;
  /** Short machine reason: `Unschedulable`, `CreateContainerConfigError`, `FailedCreate`, `SchedulingGated`… */
  reason?: string;
  /** The message Kubernetes would show (event or condition message). */
  message?: string;
  /** Ready condition (§8): scheduled and every container startable. */
  ready: boolean;
}

/** One pod the controllers would create (§4), after API defaulting and admission mutation. */
export interface SimPod {
  name: string;
  namespace: string;
  owner: PodOwner;
  /** StatefulSet ordinal, or the index of the pod among its owner's pods. */
  ordinal: number;
  labels: Record<string, string>;
  /**
   * The pod spec as the API server would store it: a deep copy of the template's spec with
   * requests defaulted from limits (§2.1), LimitRange defaults (§11.2), `serviceAccountName`
   * defaulted to `default`, DaemonSet tolerations added (§4.5), StatefulSet claim names resolved.
   */
  spec: Record<string, unknown>;
  /** The template in the owner manifest: where findings about this pod point. */
  template: PodTemplate;
  /** Effective pod request for scheduling and quota (§2.2). */
  requests: ResourceList;
  /** PersistentVolumeClaim names the pod mounts (after StatefulSet claim-template naming). */
  claims: string[];
  /** Node the pod is bound to (set by the scheduler, or preset `spec.nodeName`). */
  nodeName?: string;
  status: PodStatus;
}

/** A PersistentVolumeClaim of the simulation: from the input or from a StatefulSet claim template. */
export interface SimClaim {
  name: string;
  namespace: string;
  /** The PVC object, or the StatefulSet whose `volumeClaimTemplates` produced it. */
  manifest: Manifest;
  /** Path of the claim in `manifest` ([] for a PVC object). */
  path: JsonPath;
  spec: Record<string, unknown>;
  /** Set once bound: the PV name (static) or `pvc-<uid>` (dynamic). */
  boundTo?: string;
  /** `Bound`, or `Pending` with the reason the PV controller would give. */
  phase: 'Bound' | 'Pending';
  message?: string;
}

/** Where a finding of the simulation points. */
export interface SimNodeRef {
  manifest: Manifest;
  path: JsonPath;
}

export interface SimRelated {
  node?: SimNodeRef;
  note: string;
}

/** The finding ids of issue 5; each has a rule module in `src/rules/` that reports them. */
export type SimFindingId =
  | 'unschedulable'
  | 'pvc-unbound'
  | 'quota-exceeded'
  | 'limitrange-violation'
  | 'admission-rejected'
  | 'config-error'
  | 'no-ready-endpoints'
  | 'daemonset-no-nodes'
  | 'rollout-stuck'
  | 'drain-blocked'
  | 'hpa-no-requests';

/** A problem the simulation found: one per workload (not per pod) where pods share the cause. */
export interface SimIssue {
  id: SimFindingId;
  at: SimNodeRef;
  message: string;
  related: SimRelated[];
}
