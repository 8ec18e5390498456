/**
 * PVC → PV matching (§5.2): which PersistentVolume a claim binds to, for the PV controller (no
 * node) and for the scheduler (a node, WaitForFirstConsumer). Sources:
 * `kubernetes/component-helpers: storage/volume/pv_helpers.go (FindMatchingVolume, CheckAccessModes,
 * CheckVolumeModeMismatches, IsVolumeBoundToClaim)`, `kubernetes/kubernetes:
 * pkg/controller/volume/persistentvolume/index.go (findByClaim)`, `pv_controller.go (checkVolumeSatisfyClaim)`.
 */
import { compareQuantities, formatQuantity } from '../../k8s/quantity.js';
import { matchesSelector, parseLabelSelector, type Selector } from '../../k8s/selector.js';
import { valueAt } from '../../k8s/values.js';
import type { SimClaim, SimNode } from '../model.js';
import { accessModesOf, claimClassOf, requestedStorage } from './claims.js';
import { matchesRequiredNodeAffinity } from '../scheduler/filters/node-affinity.js';
import type { SimVolume } from './volumes.js';

export interface MatchOptions {
  /** The node the scheduler considers (WaitForFirstConsumer); none for the PV controller. */
  node?: SimNode;
  /** Volumes already chosen for other claims of the same pod. */
  excluded?: ReadonlySet<string>;
  /** The claim's class binds WaitForFirstConsumer. */
  delayBinding: boolean;
}

/** `IsVolumeBoundToClaim`: the volume's claimRef names this claim (name, namespace, and uid when both have one). */
export function isVolumeBoundToClaim(volume: SimVolume, claim: SimClaim): boolean {
  const ref = volume.claimRef;
  if (!ref || ref.name !== claim.name || ref.namespace !== claim.namespace) return false;
  const uid = claimUidOf(claim);
  return ref.uid === undefined || uid === undefined || ref.uid === uid;
}

function claimUidOf(claim: SimClaim): string | undefined {
  const uid = valueAt(claim.manifest.object, [...claim.path, 'metadata', 'uid']);
  return typeof uid === 'string' && uid !== '' ? uid : undefined;
}

/** `CheckVolumeModeMismatches`: unset means Filesystem on both sides. */
export function volumeModeMatches(claim: SimClaim, volume: SimVolume): boolean {
  const wanted = typeof claim.spec.volumeMode === 'string' ? claim.spec.volumeMode : 'Filesystem';
  return wanted === volume.volumeMode;
}

/** `CheckAccessModes`: every mode the claim asks for is one the volume offers. */
export function accessModesMatch(claim: SimClaim, volume: SimVolume): boolean {
  return accessModesOf(claim.spec).every((m) => volume.accessModes.includes(m));
}

/** The claim's selector; a selector that does not parse matches nothing (validation rejects it). */
function claimSelector(claim: SimClaim): Selector | null | undefined {
  const raw = claim.spec.selector;
  if (raw === undefined || raw === null) return undefined;
  const parsed = parseLabelSelector(raw);
  return parsed.ok ? parsed.selector : null;
}

/** Whether a volume's `nodeAffinity.required` admits the node (no affinity admits every node). */
export function volumeAllowsNode(volume: SimVolume, node: SimNode): boolean {
  return volume.nodeAffinity === undefined || matchesRequiredNodeAffinity(volume.nodeAffinity, node);
}

/**
 * `FindMatchingVolume` (§5.2): the smallest volume that satisfies the claim, or the volume
 * pre-bound to it. Ties keep the first in `volumes` (callers pass them sorted by name, SIM).
 */
export function findMatchingVolume(claim: SimClaim, volumes: readonly SimVolume[], options: MatchOptions): SimVolume | undefined {
  if (volumes.length === 0) return undefined;
  const requested = requestedStorage(claim);
  if (!requested) return undefined;
  const requestedClass = claimClassOf(claim);
  const selector = claimSelector(claim);
  let smallest: SimVolume | undefined;
  for (const volume of volumes) {
    if (options.excluded?.has(volume.name)) continue;
    if (volume.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    if (compareQuantities(volume.capacity, requested) < 0) continue;
    if (!volumeModeMatches(claim, volume)) continue;
    if (volume.deleting) continue;
    const nodeAffinityValid = options.node === undefined || volumeAllowsNode(volume, options.node);
    if (isVolumeBoundToClaim(volume, claim)) return nodeAffinityValid ? volume : undefined;
    // The PV controller leaves WaitForFirstConsumer claims to the scheduler.
    if (options.node === undefined && options.delayBinding) continue;
    if (!volume.available) continue;
    if (selector === null || (selector !== undefined && !matchesSelector(selector, volume.labels))) continue;
    if (volume.className !== requestedClass) continue;
    if (!nodeAffinityValid) continue;
    if (options.node !== undefined && !accessModesMatch(claim, volume)) continue;
    if (!smallest || compareQuantities(smallest.capacity, volume.capacity) > 0) smallest = volume;
  }
  return smallest;
}

/**
 * The PV controller's search (`findByClaim`): volumes are indexed by their set of access modes;
 * the sets that include every mode of the claim are tried from the fewest modes to the most, and
 * the first set with a match wins — so a ReadWriteOnce claim prefers a ReadWriteOnce-only volume
 * to a larger-mode one even when the latter is smaller. Sets of equal size: by name (SIM).
 */
export function findBestMatchForClaim(claim: SimClaim, volumes: readonly SimVolume[], delayBinding: boolean): SimVolume | undefined {
  const wanted = accessModesOf(claim.spec);
  const groups = new Map<string, SimVolume[]>();
  for (const volume of volumes) {
    const key = [...new Set(volume.accessModes)].sort().join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(volume);
  }
  const keys = [...groups.keys()]
    .filter((key) => wanted.every((m) => key.split(',').includes(m)))
    .sort((a, b) => a.split(',').length - b.split(',').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const found = findMatchingVolume(claim, groups.get(key)!, { delayBinding });
    if (found) return found;
  }
  return undefined;
}

/**
 * `checkVolumeSatisfyClaim` for a claim that names its volume (`spec.volumeName`): the reason the
 * PV controller gives in its `VolumeMismatch` event, or undefined when the volume fits (§5.2).
 */
export function volumeMismatch(claim: SimClaim, volume: SimVolume): string | undefined {
  if (volume.deleting) return `the volume is marked for deletion "${volume.name}"`;
  const requested = requestedStorage(claim);
  if (requested && compareQuantities(volume.capacity, requested) < 0) return 'requested PV is too small';
  if (volume.className !== claimClassOf(claim)) return 'storageClassName does not match';
  if (!volumeModeMatches(claim, volume)) return 'incompatible volumeMode';
  if (!accessModesMatch(claim, volume)) return 'incompatible accessMode';
  return undefined;
}

/** Why a volume of the claim's class cannot serve it (for messages), or undefined if it could. */
export type Rejection = 'size' | 'other';

export function rejectionOf(claim: SimClaim, volume: SimVolume): { kind: Rejection; text: string } | undefined {
  if (volume.claimRef && !isVolumeBoundToClaim(volume, claim))
    return { kind: 'other', text: `is bound to ${volume.claimRef.namespace}/${volume.claimRef.name}` };
  if (volume.deleting) return { kind: 'other', text: 'is being deleted' };
  if (!volume.available && !isVolumeBoundToClaim(volume, claim)) return { kind: 'other', text: 'is not Available' };
  const requested = requestedStorage(claim);
  if (requested && compareQuantities(volume.capacity, requested) < 0)
    return { kind: 'size', text: `is too small (${formatQuantity(volume.capacity)} < ${formatQuantity(requested)})` };
  if (!volumeModeMatches(claim, volume)) return { kind: 'other', text: `has volumeMode ${volume.volumeMode}` };
  const missing = accessModesOf(claim.spec).filter((m) => !volume.accessModes.includes(m));
  if (missing.length > 0) return { kind: 'other', text: `lacks access mode ${missing.join(', ')}` };
  const selector = claimSelector(claim);
  if (selector === null || (selector !== undefined && !matchesSelector(selector, volume.labels)))
    return { kind: 'other', text: "does not match the claim's selector" };
  return undefined;
}
