/**
 * When each built-in apiVersion/kind appeared, was deprecated and stopped being served, and what
 * replaces it. Curated by hand from the Kubernetes "Deprecated API Migration Guide"
 * (kubernetes.io/docs/reference/using-api/deprecation-guide/), the API changelogs and the API
 * server's own deprecation warnings; checked in the tests against the GVK sets of
 * `kubernetes-types` 1.25 and 1.30 and `kubernetes-models` (1.36).
 *
 * Reading an entry:
 * - no `introduced`: the GVK exists in every supported version (1.16 and later);
 * - no `removed`: no removal is recorded (GA versions are never removed within v1; for alpha
 *   versions it means "not tracked", not "served forever");
 * - `replacement`: the next API version to move to. It may itself be deprecated later, so
 *   {@link migrationIn} follows the chain to the best one for a target version;
 * - `changes`: on the NEW version, what a manifest must change when moving to it from the
 *   version before it in a chain (the guide's "notable changes");
 * - `note`: on an OLD version without an API replacement, what to do instead.
 *
 * The table knows every built-in GVK, so `availabilityIn()` answering 'unknown' means "not a
 * built-in kind" (a custom resource, a typo, or an alpha/beta version the table does not track).
 */
import { compareKubernetesVersions } from './versions.js';
import type { GroupVersionKind } from './types.js';

export interface ApiLifecycle {
  gvk: GroupVersionKind;
  /** First Kubernetes release that serves it (`X.Y`); absent when 1.16 or older. */
  introduced?: string;
  /** Release whose API server starts warning about it. */
  deprecated?: string;
  /** First release that no longer serves it. */
  removed?: string;
  /** The API to move to, as `group/version Kind` (`networking.k8s.io/v1 Ingress`). */
  replacement?: string;
  /** Notable changes for a manifest moving to this GVK. */
  changes?: string;
  /** For an API without a replacement: what to use instead. */
  note?: string;
}

export type Availability = 'available' | 'deprecated' | 'removed' | 'not-yet-introduced' | 'unknown';

interface Life {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  /** apiVersion of the replacement; the kind stays the same unless `replacementKind` says otherwise. */
  replacedBy?: string;
  replacementKind?: string;
  changes?: string;
  note?: string;
}

const TABLE: ApiLifecycle[] = [];

/** Adds one entry per kind of an apiVersion that share the same lifecycle. */
function api(apiVersion: string, kinds: readonly string[], life: Life = {}): void {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  for (const kind of kinds) {
    const entry: ApiLifecycle = { gvk: { group, version, kind } };
    if (life.introduced) entry.introduced = life.introduced;
    if (life.deprecated) entry.deprecated = life.deprecated;
    if (life.removed) entry.removed = life.removed;
    if (life.replacedBy) entry.replacement = `${life.replacedBy} ${life.replacementKind ?? kind}`;
    if (life.changes) entry.changes = life.changes;
    if (life.note) entry.note = life.note;
    TABLE.push(entry);
  }
}

const ROLLBACK_NOTE = 'apps/v1 has no rollback object: roll back with kubectl rollout undo';
const SELECTOR_REQUIRED = 'spec.selector is required and immutable';
const PSA_NOTE =
  'there is no replacement API: enforce pod security with Pod Security Admission (pod-security.kubernetes.io/* namespace labels) or a policy engine';

// ---------------------------------------------------------------- core (v1)
api('v1', [
  'Binding',
  'ConfigMap',
  'Event',
  'LimitRange',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'ResourceQuota',
  'Secret',
  'Service',
  'ServiceAccount',
]);
api('v1', ['ComponentStatus'], { deprecated: '1.19' });
api('v1', ['Endpoints'], { deprecated: '1.33', replacedBy: 'discovery.k8s.io/v1', replacementKind: 'EndpointSlice' });

// ---------------------------------------------------------------- apps and extensions (workloads)
api('apps/v1', ['Deployment'], {
  changes: `${SELECTOR_REQUIRED}; spec.rollbackTo is gone; progressDeadlineSeconds, revisionHistoryLimit, maxSurge and maxUnavailable have new defaults`,
});
api('apps/v1', ['DaemonSet'], {
  changes: `${SELECTOR_REQUIRED}; spec.templateGeneration is gone; updateStrategy defaults to RollingUpdate`,
});
api('apps/v1', ['StatefulSet'], { changes: `${SELECTOR_REQUIRED}; updateStrategy defaults to RollingUpdate` });
api('apps/v1', ['ReplicaSet'], { changes: SELECTOR_REQUIRED });
api('apps/v1', ['ControllerRevision']);
api('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], { deprecated: '1.8', removed: '1.16', replacedBy: 'apps/v1' });
api('extensions/v1beta1', ['DeploymentRollback'], { deprecated: '1.8', removed: '1.16', note: ROLLBACK_NOTE });
api('extensions/v1beta1', ['Scale'], { deprecated: '1.8', removed: '1.16', replacedBy: 'autoscaling/v1' });
api('apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], { deprecated: '1.8', removed: '1.16', replacedBy: 'apps/v1' });
api('apps/v1beta1', ['DeploymentRollback'], { deprecated: '1.8', removed: '1.16', note: ROLLBACK_NOTE });
api('apps/v1beta1', ['Scale'], { deprecated: '1.8', removed: '1.16', replacedBy: 'autoscaling/v1' });
api('apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], {
  deprecated: '1.9',
  removed: '1.16',
  replacedBy: 'apps/v1',
});
api('apps/v1beta2', ['Scale'], { deprecated: '1.9', removed: '1.16', replacedBy: 'autoscaling/v1' });

// ---------------------------------------------------------------- batch
api('batch/v1', ['Job']);
api('batch/v1', ['CronJob'], { introduced: '1.21' });
api('batch/v1beta1', ['CronJob'], { deprecated: '1.21', removed: '1.25', replacedBy: 'batch/v1' });

// ---------------------------------------------------------------- autoscaling
api('autoscaling/v1', ['HorizontalPodAutoscaler', 'Scale']);
api('autoscaling/v2', ['HorizontalPodAutoscaler'], { introduced: '1.23' });
api('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], { deprecated: '1.22', removed: '1.25', replacedBy: 'autoscaling/v2beta2' });
api('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], {
  deprecated: '1.23',
  removed: '1.26',
  replacedBy: 'autoscaling/v2',
  changes: 'targetAverageUtilization becomes target.averageUtilization with target.type: Utilization',
});

// ---------------------------------------------------------------- policy
api('policy/v1', ['PodDisruptionBudget'], {
  introduced: '1.21',
  changes: 'an empty spec.selector now selects every pod in the namespace',
});
api('policy/v1', ['Eviction'], { introduced: '1.22' });
api('policy/v1beta1', ['PodDisruptionBudget'], { deprecated: '1.21', removed: '1.25', replacedBy: 'policy/v1' });
// Evictions are posted to the pods/eviction subresource, which kept accepting v1beta1 bodies.
api('policy/v1beta1', ['Eviction'], { deprecated: '1.22', replacedBy: 'policy/v1' });
api('policy/v1beta1', ['PodSecurityPolicy'], { deprecated: '1.21', removed: '1.25', note: PSA_NOTE });
api('extensions/v1beta1', ['PodSecurityPolicy'], { deprecated: '1.11', removed: '1.16', replacedBy: 'policy/v1beta1', note: PSA_NOTE });

// ---------------------------------------------------------------- networking
api('networking.k8s.io/v1', ['NetworkPolicy']);
api('networking.k8s.io/v1', ['Ingress'], {
  introduced: '1.19',
  changes: 'pathType is required, backend fields renamed',
});
api('networking.k8s.io/v1', ['IngressClass'], { introduced: '1.19' });
api('networking.k8s.io/v1beta1', ['Ingress'], { introduced: '1.14', deprecated: '1.19', removed: '1.22', replacedBy: 'networking.k8s.io/v1' });
api('networking.k8s.io/v1beta1', ['IngressClass'], { introduced: '1.18', deprecated: '1.19', removed: '1.22', replacedBy: 'networking.k8s.io/v1' });
api('extensions/v1beta1', ['Ingress'], { deprecated: '1.14', removed: '1.22', replacedBy: 'networking.k8s.io/v1beta1' });
api('extensions/v1beta1', ['NetworkPolicy'], { deprecated: '1.9', removed: '1.16', replacedBy: 'networking.k8s.io/v1' });
api('networking.k8s.io/v1', ['IPAddress', 'ServiceCIDR'], { introduced: '1.33' });
api('networking.k8s.io/v1alpha1', ['IPAddress', 'ServiceCIDR'], { introduced: '1.27', replacedBy: 'networking.k8s.io/v1' });
api('networking.k8s.io/v1alpha1', ['ClusterCIDR'], {
  introduced: '1.25',
  removed: '1.29',
  note: 'the alpha MultiCIDRRangeAllocator feature was withdrawn; pod CIDRs come from the controller manager flags again',
});

// ---------------------------------------------------------------- discovery and events
api('discovery.k8s.io/v1', ['EndpointSlice'], {
  introduced: '1.21',
  changes: 'per-endpoint nodeName and zone replace topology, which becomes the read-only deprecatedTopology',
});
api('discovery.k8s.io/v1beta1', ['EndpointSlice'], { introduced: '1.17', deprecated: '1.21', removed: '1.25', replacedBy: 'discovery.k8s.io/v1' });
api('events.k8s.io/v1', ['Event'], {
  introduced: '1.19',
  changes: 'involvedObject becomes regarding; action, reason, reportingComponent and reportingInstance are required; the old timestamp, count and source fields are renamed deprecated*',
});
api('events.k8s.io/v1beta1', ['Event'], { deprecated: '1.22', removed: '1.25', replacedBy: 'events.k8s.io/v1' });

// ---------------------------------------------------------------- node and scheduling
api('node.k8s.io/v1', ['RuntimeClass'], { introduced: '1.20' });
api('node.k8s.io/v1beta1', ['RuntimeClass'], { deprecated: '1.22', removed: '1.25', replacedBy: 'node.k8s.io/v1' });
api('scheduling.k8s.io/v1', ['PriorityClass']);
api('scheduling.k8s.io/v1beta1', ['PriorityClass'], { deprecated: '1.14', removed: '1.22', replacedBy: 'scheduling.k8s.io/v1' });

// ---------------------------------------------------------------- storage
api('storage.k8s.io/v1', ['StorageClass', 'VolumeAttachment']);
api('storage.k8s.io/v1', ['CSINode'], { introduced: '1.17' });
api('storage.k8s.io/v1', ['CSIDriver'], { introduced: '1.18' });
api('storage.k8s.io/v1', ['CSIStorageCapacity'], { introduced: '1.24' });
api('storage.k8s.io/v1', ['VolumeAttributesClass'], { introduced: '1.34' });
api('storage.k8s.io/v1alpha1', ['VolumeAttributesClass'], { introduced: '1.29', replacedBy: 'storage.k8s.io/v1' });
api('storage.k8s.io/v1beta1', ['StorageClass', 'CSIDriver', 'VolumeAttachment'], { deprecated: '1.19', removed: '1.22', replacedBy: 'storage.k8s.io/v1' });
api('storage.k8s.io/v1beta1', ['CSINode'], { deprecated: '1.17', removed: '1.22', replacedBy: 'storage.k8s.io/v1' });
api('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], { introduced: '1.21', deprecated: '1.24', removed: '1.27', replacedBy: 'storage.k8s.io/v1' });

// ---------------------------------------------------------------- RBAC, auth
const RBAC_KINDS = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
api('rbac.authorization.k8s.io/v1', RBAC_KINDS);
api('rbac.authorization.k8s.io/v1beta1', RBAC_KINDS, { deprecated: '1.17', removed: '1.22', replacedBy: 'rbac.authorization.k8s.io/v1' });
api('authentication.k8s.io/v1', ['TokenReview', 'TokenRequest']);
api('authentication.k8s.io/v1', ['SelfSubjectReview'], { introduced: '1.28' });
api('authentication.k8s.io/v1alpha1', ['SelfSubjectReview'], { introduced: '1.26', replacedBy: 'authentication.k8s.io/v1' });
api('authentication.k8s.io/v1beta1', ['SelfSubjectReview'], { introduced: '1.27', replacedBy: 'authentication.k8s.io/v1' });
api('authentication.k8s.io/v1beta1', ['TokenReview'], { deprecated: '1.19', removed: '1.22', replacedBy: 'authentication.k8s.io/v1' });
const ACCESS_REVIEWS = ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'];
api('authorization.k8s.io/v1', ACCESS_REVIEWS, { changes: 'spec.group is renamed spec.groups' });
api('authorization.k8s.io/v1beta1', ACCESS_REVIEWS, { deprecated: '1.19', removed: '1.22', replacedBy: 'authorization.k8s.io/v1' });
api('certificates.k8s.io/v1', ['CertificateSigningRequest'], {
  introduced: '1.19',
  changes: 'spec.signerName and spec.usages are required',
});
api('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], { deprecated: '1.19', removed: '1.22', replacedBy: 'certificates.k8s.io/v1' });
api('certificates.k8s.io/v1alpha1', ['ClusterTrustBundle'], { introduced: '1.26' });
api('coordination.k8s.io/v1', ['Lease']);
api('coordination.k8s.io/v1beta1', ['Lease'], { deprecated: '1.19', removed: '1.22', replacedBy: 'coordination.k8s.io/v1' });

// ---------------------------------------------------------------- API extension and admission
api('apiextensions.k8s.io/v1', ['CustomResourceDefinition'], {
  introduced: '1.16',
  changes: 'spec.scope is required; version, validation, subresources and additionalPrinterColumns move into spec.versions[*]; every version needs a structural openAPIV3Schema',
});
api('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], { deprecated: '1.16', removed: '1.22', replacedBy: 'apiextensions.k8s.io/v1' });
api('apiregistration.k8s.io/v1', ['APIService']);
api('apiregistration.k8s.io/v1beta1', ['APIService'], { deprecated: '1.19', removed: '1.22', replacedBy: 'apiregistration.k8s.io/v1' });
const WEBHOOKS = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
api('admissionregistration.k8s.io/v1', WEBHOOKS, {
  introduced: '1.16',
  changes: 'webhooks[*].sideEffects and admissionReviewVersions are required; failurePolicy defaults to Fail and timeoutSeconds to 10',
});
api('admissionregistration.k8s.io/v1beta1', WEBHOOKS, { deprecated: '1.16', removed: '1.22', replacedBy: 'admissionregistration.k8s.io/v1' });
const VAP = ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'];
const MAP = ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'];
api('admissionregistration.k8s.io/v1', VAP, { introduced: '1.30' });
api('admissionregistration.k8s.io/v1', MAP, { introduced: '1.36' });
api('admissionregistration.k8s.io/v1beta1', VAP, { introduced: '1.28', replacedBy: 'admissionregistration.k8s.io/v1' });
api('admissionregistration.k8s.io/v1alpha1', VAP, { introduced: '1.26', removed: '1.32', replacedBy: 'admissionregistration.k8s.io/v1' });

// ---------------------------------------------------------------- API priority and fairness
const APF = ['FlowSchema', 'PriorityLevelConfiguration'];
api('flowcontrol.apiserver.k8s.io/v1', APF, {
  introduced: '1.29',
  changes: 'an explicit spec.limited.nominalConcurrencyShares of 0 is kept instead of defaulting to 30',
});
api('flowcontrol.apiserver.k8s.io/v1beta3', APF, {
  introduced: '1.26',
  deprecated: '1.29',
  removed: '1.32',
  replacedBy: 'flowcontrol.apiserver.k8s.io/v1',
  changes: 'spec.limited.assuredConcurrencyShares is renamed nominalConcurrencyShares',
});
api('flowcontrol.apiserver.k8s.io/v1beta2', APF, { introduced: '1.23', deprecated: '1.26', removed: '1.29', replacedBy: 'flowcontrol.apiserver.k8s.io/v1beta3' });
api('flowcontrol.apiserver.k8s.io/v1beta1', APF, { introduced: '1.20', deprecated: '1.23', removed: '1.26', replacedBy: 'flowcontrol.apiserver.k8s.io/v1beta2' });

// ---------------------------------------------------------------- dynamic resource allocation
api('resource.k8s.io/v1', ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], { introduced: '1.34' });
const DRA_REMOVED = {
  removed: '1.31',
  note: 'classic dynamic resource allocation was replaced by structured parameters: rewrite the claims for resource.k8s.io/v1 DeviceClasses (1.34+)',
};
api('resource.k8s.io/v1alpha2', ['ResourceClaim', 'ResourceClaimTemplate', 'ResourceClass'], { introduced: '1.26', ...DRA_REMOVED });
api('resource.k8s.io/v1alpha2', ['PodSchedulingContext'], { introduced: '1.27', ...DRA_REMOVED });
api('resource.k8s.io/v1alpha2', ['ResourceClaimParameters', 'ResourceClassParameters', 'ResourceSlice'], { introduced: '1.30', ...DRA_REMOVED });

// ---------------------------------------------------------------- API server internals
api('internal.apiserver.k8s.io/v1alpha1', ['StorageVersion'], { introduced: '1.20' });
api('storagemigration.k8s.io/v1alpha1', ['StorageVersionMigration'], { introduced: '1.30' });

const key = (gvk: GroupVersionKind): string => `${gvk.group}/${gvk.version}/${gvk.kind}`;
const BY_GVK = new Map<string, ApiLifecycle>(TABLE.map((e) => [key(e.gvk), e]));

/** Every entry of the table, in the order above. */
export const API_LIFECYCLES: readonly ApiLifecycle[] = TABLE;

/** `networking.k8s.io/v1 Ingress`, `v1 Pod`: how messages name a GVK. */
export function formatGvk(gvk: GroupVersionKind): string {
  return `${gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`} ${gvk.kind}`;
}

/** Reads `group/version Kind` back into a GVK. */
export function parseGvk(text: string): GroupVersionKind {
  const [apiVersion, kind = ''] = text.split(' ');
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion, kind }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

export function lifecycleOf(gvk: GroupVersionKind): ApiLifecycle | undefined {
  return BY_GVK.get(key(gvk));
}

/** Whether a GVK is served by a Kubernetes release (`X.Y`), and in what state. */
export function availabilityIn(gvk: GroupVersionKind, kubernetesVersion: string): Availability {
  const entry = lifecycleOf(gvk);
  return entry ? entryAvailability(entry, kubernetesVersion) : 'unknown';
}

function entryAvailability(entry: ApiLifecycle, version: string): Availability {
  if (entry.introduced && compareKubernetesVersions(version, entry.introduced) < 0) return 'not-yet-introduced';
  if (entry.removed && compareKubernetesVersions(version, entry.removed) >= 0) return 'removed';
  if (entry.deprecated && compareKubernetesVersions(version, entry.deprecated) >= 0) return 'deprecated';
  return 'available';
}

function replacementChain(gvk: GroupVersionKind): ApiLifecycle[] {
  const chain: ApiLifecycle[] = [];
  const seen = new Set<string>([key(gvk)]);
  let next = lifecycleOf(gvk)?.replacement;
  while (next) {
    const entry = lifecycleOf(parseGvk(next));
    if (!entry || seen.has(key(entry.gvk))) break;
    seen.add(key(entry.gvk));
    chain.push(entry);
    next = entry.replacement;
  }
  return chain;
}

export interface Migration {
  /** The API to move to. */
  to: ApiLifecycle;
  /** Notable changes on the way, oldest step first (from each step's `changes`). */
  changes: string[];
}

/**
 * Where to move a GVK when targeting a release: follows the replacement chain
 * (extensions/v1beta1 Ingress → networking.k8s.io/v1beta1 → networking.k8s.io/v1) to the first step
 * that is available in that release, else the first that is at least still served (deprecated).
 * Undefined when the chain ends in APIs the release does not serve (PodSecurityPolicy).
 */
export function migrationIn(gvk: GroupVersionKind, kubernetesVersion: string): Migration | undefined {
  const chain = replacementChain(gvk);
  let at = chain.findIndex((e) => entryAvailability(e, kubernetesVersion) === 'available');
  if (at === -1) at = chain.findIndex((e) => entryAvailability(e, kubernetesVersion) === 'deprecated');
  if (at === -1) return undefined;
  // `changes` describe moving between versions of one kind; a new kind (Endpoints → EndpointSlice)
  // is a rewrite that no version note describes.
  const changes = chain.slice(0, at + 1).flatMap((e) => (e.changes && e.gvk.kind === gvk.kind ? [e.changes] : []));
  return { to: chain[at], changes };
}

/**
 * For a GVK that a release does not serve yet: an older GVK of the same kind that the release
 * does serve and whose replacement chain leads to it (networking.k8s.io/v1 Ingress in 1.18 →
 * networking.k8s.io/v1beta1 Ingress). Prefers one that is not deprecated.
 */
export function predecessorIn(gvk: GroupVersionKind, kubernetesVersion: string): ApiLifecycle | undefined {
  const target = key(gvk);
  const leadsToTarget = (entry: ApiLifecycle): boolean => replacementChain(entry.gvk).some((e) => key(e.gvk) === target);
  const candidates = TABLE.filter((e) => e.gvk.kind === gvk.kind && leadsToTarget(e));
  return (
    candidates.find((e) => entryAvailability(e, kubernetesVersion) === 'available') ??
    candidates.find((e) => entryAvailability(e, kubernetesVersion) === 'deprecated')
  );
}
