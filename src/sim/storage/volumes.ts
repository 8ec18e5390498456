/**
 * PersistentVolumes of the simulation: the PV objects of the profile and the input, defaulted as
 * the API server does (§5.1), and the volumes dynamic provisioning creates (§5.3).
 */
import { createHash } from 'node:crypto';
import type { Manifest } from '../../resolver/manifest.js';
import { parseQuantity, type Quantity } from '../../k8s/quantity.js';
import { labelsOf } from '../../k8s/selector.js';
import { isRecord } from '../../k8s/values.js';
import type { SimClaim, SimNode, SimStorageClass } from '../model.js';
import { accessModesOf, BETA_STORAGE_CLASS_ANNOTATION, requestedStorage } from './claims.js';
import { requiredNodeAffinityOf, type RequiredNodeAffinity } from '../scheduler/filters/node-affinity.js';

export interface SimVolume {
  name: string;
  /** The PV object; none for a dynamically provisioned volume. */
  manifest?: Manifest;
  capacity: Quantity;
  accessModes: string[];
  /** `Filesystem` unless set (§5.1). */
  volumeMode: string;
  /** `GetPersistentVolumeClass` (§5.2): the beta annotation, else `storageClassName`, else `""`. */
  className: string;
  labels: Record<string, string>;
  /** `spec.claimRef` (pre-binding), or the claim this simulation bound the volume to. */
  claimRef?: { namespace: string; name: string; uid?: string };
  /** `spec.nodeAffinity.required` (a NodeSelector); undefined when the volume has no node affinity. */
  nodeAffinity?: RequiredNodeAffinity;
  /** `status.phase` is `Available` (or unset: the PV controller makes a new PV Available). */
  available: boolean;
  deleting: boolean;
  /**
   * Whether the attach/detach controller attaches the volume to a node (CSI and cloud disks), so
   * that a ReadWriteOnce volume cannot be used from two nodes at once (§5.5). NFS, hostPath, local…
   * are mounted, not attached.
   */
  attachable: boolean;
  /** `pv.kubernetes.io/provisioned-by` of a provisioned volume. */
  provisionedBy?: string;
}

/** Volume sources that are mounted without an attach step (no Multi-Attach error for them). */
const UNATTACHED_SOURCES = ['nfs', 'hostPath', 'local', 'cephfs', 'glusterfs', 'flexVolume', 'quobyte'];

/**
 * The PersistentVolume objects among `manifests` (core group) that the API server accepts: a name
 * and a parseable `spec.capacity.storage` (§5.1). Others do not exist in the cluster.
 */
export function volumesOf(manifests: readonly Manifest[]): SimVolume[] {
  const out: SimVolume[] = [];
  for (const manifest of manifests) {
    if (manifest.ref.kind !== 'PersistentVolume' || manifest.ref.group !== '') continue;
    const volume = volumeOf(manifest);
    if (volume) out.push(volume);
  }
  return out;
}

function volumeOf(manifest: Manifest): SimVolume | undefined {
  const object = manifest.object;
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const spec = isRecord(object.spec) ? object.spec : {};
  const capacity = parseQuantity(isRecord(spec.capacity) ? spec.capacity.storage : undefined);
  if (!capacity.ok) return undefined;
  const annotations = isRecord(object.metadata.annotations) ? object.metadata.annotations : {};
  const betaClass = annotations[BETA_STORAGE_CLASS_ANNOTATION];
  const status = isRecord(object.status) ? object.status : {};
  return {
    name,
    manifest,
    capacity: capacity.quantity,
    accessModes: accessModesOf(spec),
    volumeMode: typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem',
    className: betaClass !== undefined ? String(betaClass) : typeof spec.storageClassName === 'string' ? spec.storageClassName : '',
    labels: labelsOf(object.metadata.labels),
    claimRef: claimRefOf(spec.claimRef),
    nodeAffinity: nodeAffinityOf(spec.nodeAffinity),
    available: status.phase === undefined || status.phase === 'Available',
    deleting: object.metadata.deletionTimestamp !== undefined && object.metadata.deletionTimestamp !== null,
    attachable: !UNATTACHED_SOURCES.some((s) => spec[s] !== undefined && spec[s] !== null),
  };
}

function claimRefOf(value: unknown): SimVolume['claimRef'] {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  return {
    namespace: typeof value.namespace === 'string' ? value.namespace : '',
    name: value.name,
    uid: typeof value.uid === 'string' && value.uid !== '' ? value.uid : undefined,
  };
}

/**
 * `spec.nodeAffinity.required`: a NodeSelector, matched like a pod's required node affinity (§3.4,
 * `CheckNodeAffinity`), so it is parsed by the NodeAffinity plugin's own parser.
 */
function nodeAffinityOf(value: unknown): RequiredNodeAffinity | undefined {
  if (!isRecord(value) || !isRecord(value.required)) return undefined;
  return requiredNodeAffinityOf({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: value.required } } });
}

/** Labels a provisioner puts in a provisioned volume's node affinity (the node's zone, §5.3 SIM). */
const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * The volume a provisioner creates for `claim` (§5.3, SIM): named `pvc-<uid>` with a UID derived
 * from the claim's namespace and name (stable across runs), capacity = request, access and volume
 * modes from the claim, class from the StorageClass, bound to the claim. With WaitForFirstConsumer
 * the provisioner creates it in the selected node's topology: a node affinity on the node's zone,
 * when the node has one. Immediate provisioning is topology-unaware.
 */
export function provisionedVolume(claim: SimClaim, storageClass: SimStorageClass, selectedNode?: SimNode): SimVolume {
  const zone = selectedNode?.labels[ZONE_LABEL];
  return {
    name: `pvc-${claimUid(claim)}`,
    capacity: requestedStorage(claim) ?? ZERO,
    accessModes: accessModesOf(claim.spec),
    volumeMode: typeof claim.spec.volumeMode === 'string' ? claim.spec.volumeMode : 'Filesystem',
    className: storageClass.name,
    labels: {},
    claimRef: { namespace: claim.namespace, name: claim.name },
    nodeAffinity: zone === undefined ? undefined : nodeAffinityOf({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] }] } }),
    available: false,
    deleting: false,
    attachable: true,
    provisionedBy: storageClass.provisioner,
  };
}

const ZERO: Quantity = (() => {
  const q = parseQuantity('0');
  if (!q.ok) throw new Error('unreachable');
  return q.quantity;
})();

/** A UUID-shaped identifier derived from the claim's identity (deterministic, SIM). */
function claimUid(claim: SimClaim): string {
  const hex = createHash('sha1').update(`${claim.namespace}/${claim.name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
