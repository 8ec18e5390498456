/**
 * Volume binding of the simulation: the PV controller (§5.2 static binding, §5.3 dynamic
 * provisioning) for Immediate claims, and the scheduler's side of it (§3.9, §5.4): which nodes can
 * serve a pod's claims, and binding WaitForFirstConsumer claims once the pod is placed. It also
 * keeps which pods use which claim on which node, for ReadWriteOncePod (§3.1 row 7) and the
 * ReadWriteOnce Multi-Attach error (§5.5).
 */
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import { compareQuantities } from '../../k8s/quantity.js';
import { isRecord } from '../../k8s/values.js';
import type { SimClaim, SimIssue, SimNode, SimPod, SimRelated, SimStorageClass } from '../model.js';
import type { FilterPlugin } from '../scheduler/framework.js';
import {
  accessModesOf,
  applyDefaultStorageClass,
  claimClassOf,
  claimKey,
  claimProblem,
  newClaim,
  requestedStorage,
  type ClaimProblem,
} from './claims.js';
import { canProvisionOn, defaultStorageClass, provisions } from './classes.js';
import { storageIssues } from './claim-issues.js';
import { volumeFilters } from './filters.js';
import { findBestMatchForClaim, findMatchingVolume, isVolumeBoundToClaim, rejectionOf, volumeAllowsNode, volumeMismatch } from './volume-matching.js';
import { provisionedVolume, volumesOf, type SimVolume } from './volumes.js';

/** Why a claim stays Pending: what the PV controller says, and where the cause is. */
export interface PendingReason {
  /** The PV controller's event message (also set as `claim.message`). */
  message: string;
  /** A SIM explanation added to the finding (which volumes were considered and why they do not fit). */
  detail?: string;
  /** Path of the cause inside the claim (`['spec','storageClassName']`). */
  path: JsonPath;
  related: SimRelated[];
  /** WaitForFirstConsumer: Pending until a pod uses it, which is normal (§5.4). */
  waiting?: boolean;
}

/** One claim a pod mounts. */
export interface ClaimUse {
  claim: SimClaim;
  /** Index of the volume in `pod.spec.volumes` (-1 when only `pod.claims` names it). */
  volumeIndex: number;
}

/** What the volume plugins learn about a pod in PreFilter and reuse for every node. */
export interface PodVolumes {
  /** `persistentvolumeclaim "<name>" not found` for the first missing claim of a PVC volume (VolumeRestrictions). */
  notFound?: string;
  /**
   * VolumeBinding's PreFilter error: the first missing claim in volume order — not found, or for a
   * generic ephemeral volume whose claim cannot be created, `waiting for ephemeral volume controller…` (§3.9).
   */
  missing?: string;
  uses: ClaimUse[];
  /** Volumes of the pod's bound claims. */
  bound: SimVolume[];
  /** Unbound WaitForFirstConsumer claims, smallest request first (`byPVCSize`). */
  delayed: SimClaim[];
  /** Some claim is unbound and not WaitForFirstConsumer (or names its volume): §3.9. */
  unboundImmediate: boolean;
  /** A ReadWriteOncePod claim of the pod is already used by another pod. */
  readWriteOncePodInUse: boolean;
}

/** Pods using a claim, per node, in the order the nodes first used it. */
interface ClaimUsage {
  byNode: Map<string, SimPod[]>;
}

export interface BinderProfile {
  storageClasses: readonly SimStorageClass[];
  persistentVolumes: readonly Manifest[];
  nodes: readonly SimNode[];
}

/** Whether a claim missing from the input may exist in the cluster (presence policy): then it is not "not found". */
export type ExternalClaimLookup = (namespace: string, name: string) => boolean;

export class VolumeBinder {
  readonly nodes: readonly SimNode[];
  private readonly classes = new Map<string, SimStorageClass>();
  private readonly volumes = new Map<string, SimVolume>();
  private readonly volumesByClass = new Map<string, SimVolume[]>();
  /** Available volumes no claim has yet, per class, by name: the only ones a claim of that class can take. */
  private readonly unclaimedByClass = new Map<string, SimVolume[]>();
  private readonly preBound = new Map<string, SimVolume[]>();
  private readonly claimList: SimClaim[] = [];
  private readonly claimsByKey = new Map<string, SimClaim>();
  private readonly problems = new Map<SimClaim, ClaimProblem>();
  /** Lookup key and class of each claim (fixed once admission has run). */
  private readonly identity = new Map<SimClaim, { key: string; className: string }>();
  private readonly pending = new Map<SimClaim, PendingReason>();
  /** Claims whose class DefaultStorageClass admission assigned. */
  private readonly defaulted = new Set<SimClaim>();
  /** Pods that reached the scheduler's PreFilter while using a WaitForFirstConsumer claim. */
  private readonly consumers = new Map<SimClaim, SimPod[]>();
  private readonly usage = new Map<SimClaim, ClaimUsage>();
  private readonly podNode = new WeakMap<SimPod, string>();
  private readonly analysed = new WeakMap<SimPod, PodVolumes>();
  private lastPod?: SimPod;
  private lastVolumes?: PodVolumes;

  /**
   * @param profile storage classes, PV objects and nodes of the cluster
   * @param claims every claim of the simulation (PVC objects and StatefulSet claims); they are
   *   defaulted by DefaultStorageClass admission here and updated in place as they bind
   * @param isExternal a claim the input lacks but that may exist in the cluster (not reported as not found)
   */
  constructor(profile: BinderProfile, claims: readonly SimClaim[], private readonly isExternal?: ExternalClaimLookup) {
    this.nodes = profile.nodes;
    for (const c of profile.storageClasses) this.classes.set(c.name, c);
    const volumes = volumesOf(profile.persistentVolumes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const v of volumes) if (!this.volumes.has(v.name)) this.addVolume(v);
    for (const claim of claims) this.addClaim(claim);
  }

  private addVolume(volume: SimVolume): void {
    this.volumes.set(volume.name, volume);
    push(this.volumesByClass, volume.className, volume);
    if (volume.claimRef) push(this.preBound, claimKey(volume.claimRef.namespace, volume.claimRef.name), volume);
    else if (volume.available && !volume.deleting) push(this.unclaimedByClass, volume.className, volume);
  }

  private addClaim(claim: SimClaim): void {
    const key = claimKey(claim.namespace, claim.name);
    if (this.claimsByKey.has(key)) return;
    const before = claim.spec.storageClassName;
    applyDefaultStorageClass(claim, [...this.classes.values()]);
    if (claim.spec.storageClassName !== before) this.defaulted.add(claim);
    this.claimList.push(claim);
    this.claimsByKey.set(key, claim);
    this.identity.set(claim, { key, className: claimClassOf(claim) });
    const problem = claimProblem(claim);
    if (problem) {
      this.problems.set(claim, problem);
      claim.phase = 'Pending';
      claim.message = `PersistentVolumeClaim "${claim.name}" is invalid: ${problem.message}`;
    }
  }

  /** Every claim, in the order given (then generic ephemeral volume claims, as pods create them). */
  claims(): readonly SimClaim[] {
    return this.claimList;
  }

  claim(namespace: string, name: string): SimClaim | undefined {
    return this.claimsByKey.get(claimKey(namespace, name));
  }

  storageClass(name: string): SimStorageClass | undefined {
    return this.classes.get(name);
  }

  volume(name: string): SimVolume | undefined {
    return this.volumes.get(name);
  }

  /** The validation error that makes the API server reject the claim. */
  problemOf(claim: SimClaim): ClaimProblem | undefined {
    return this.problems.get(claim);
  }

  pendingReason(claim: SimClaim): PendingReason | undefined {
    return this.pending.get(claim);
  }

  /** Pods that tried to schedule with this (WaitForFirstConsumer) claim. */
  consumersOf(claim: SimClaim): readonly SimPod[] {
    return this.consumers.get(claim) ?? [];
  }

  /** The PV controller's pass over every claim at creation (§0 step 5): Immediate binding and provisioning. */
  bindImmediate(): void {
    for (const claim of this.claimList) this.syncUnboundClaim(claim);
  }

  /** The volume filters in kube-scheduler order: VolumeRestrictions, VolumeBinding, VolumeZone (§3.1 rows 7, 9, 10). */
  plugins(): FilterPlugin[] {
    return volumeFilters(this);
  }

  /** `pvc-unbound` for claims that would stay Pending, and Multi-Attach errors (§5.5). Call after scheduling. */
  issues(): SimIssue[] {
    return storageIssues(this);
  }

  // --- PV controller (§5.2, §5.3) ---------------------------------------------------------------

  /** `syncUnboundClaim`: bind to the requested or best matching volume, else provision, else stay Pending. */
  private syncUnboundClaim(claim: SimClaim): void {
    if (claim.phase === 'Bound' || this.problems.has(claim)) return;
    if (namesVolume(claim)) return this.syncPreBoundClaim(claim, claim.spec.volumeName as string);
    const className = this.classOf(claim);
    const storageClass = this.classes.get(className);
    const delayBinding = storageClass?.volumeBindingMode === 'WaitForFirstConsumer';
    const match = findBestMatchForClaim(claim, this.candidatesFor(claim), delayBinding);
    if (match) return this.bind(claim, match);
    if (delayBinding) {
      return this.setPending(claim, {
        message: 'waiting for first consumer to be created before binding',
        path: ['metadata', 'name'],
        related: classRelated(storageClass),
        waiting: true,
      });
    }
    if (className === '') {
      return this.setPending(claim, {
        message: 'no persistent volumes available for this claim and no storage class is set',
        detail: this.explainNoVolume(claim),
        path: this.noVolumePath(claim),
        related: this.volumeRelated(claim),
      });
    }
    if (!storageClass) {
      return this.setPending(claim, {
        message: `storageclass.storage.k8s.io "${className}" not found`,
        detail: this.defaulted.has(claim) ? undefined : this.knownClassesHint(),
        path: ['spec', 'storageClassName'],
        related: [],
      });
    }
    if (!provisions(storageClass)) {
      // `findProvisionablePlugin`: a `kubernetes.io/` provisioner without an in-tree plugin is an error.
      return this.setPending(claim, {
        message: `no volume plugin matched name: ${storageClass.provisioner}`,
        detail: `StorageClass "${className}" does not provision volumes, and ${this.explainNoVolume(claim)}`,
        path: this.noVolumePath(claim),
        related: [...classRelated(storageClass), ...this.volumeRelated(claim)],
      });
    }
    if (claim.spec.selector !== undefined && claim.spec.selector !== null) {
      return this.setPending(claim, {
        message: 'claim Selector is not supported',
        detail: `a claim with a selector is never provisioned dynamically, and ${this.explainNoVolume(claim)}`,
        path: ['spec', 'selector'],
        related: [...classRelated(storageClass), ...this.volumeRelated(claim)],
      });
    }
    this.provision(claim, storageClass);
  }

  /** A claim naming its volume (`spec.volumeName`, §5.2 pre-binding): only that volume, selector ignored. */
  private syncPreBoundClaim(claim: SimClaim, volumeName: string): void {
    const volume = this.volumes.get(volumeName);
    const path = ['spec', 'volumeName'];
    if (!volume) {
      return this.setPending(claim, { message: `PersistentVolume "${volumeName}" named in spec.volumeName does not exist`, path, related: [] });
    }
    const related = volumeRelated(volume, 'the requested PersistentVolume');
    if (!volume.claimRef) {
      const mismatch = volumeMismatch(claim, volume);
      if (mismatch === undefined) return this.bind(claim, volume);
      const hint =
        mismatch === 'storageClassName does not match' && this.defaulted.has(claim)
          ? `the claim got the default StorageClass "${this.classOf(claim)}" from admission while the PersistentVolume has ${volume.className === '' ? 'no class' : `class "${volume.className}"`}; set storageClassName: "${volume.className}" on the claim`
          : undefined;
      return this.setPending(claim, { message: `Cannot bind to requested volume "${volumeName}": ${mismatch}`, detail: hint, path, related });
    }
    if (isVolumeBoundToClaim(volume, claim)) return this.bind(claim, volume);
    return this.setPending(claim, {
      message: `PersistentVolume "${volumeName}" named in spec.volumeName is bound to another claim (${volume.claimRef.namespace}/${volume.claimRef.name})`,
      path,
      related,
    });
  }

  /**
   * Volumes the claim could bind to: the unclaimed available ones of its class, and those pre-bound
   * to it (any class). Every other volume is skipped by `FindMatchingVolume` anyway.
   */
  private candidatesFor(claim: SimClaim, className = this.classOf(claim)): SimVolume[] {
    const ofClass = this.unclaimedByClass.get(className) ?? [];
    const preBound = this.preBound.get(this.identity.get(claim)?.key ?? claimKey(claim.namespace, claim.name));
    if (!preBound) return ofClass;
    return [...new Set([...ofClass, ...preBound])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private bind(claim: SimClaim, volume: SimVolume): void {
    const unclaimed = this.unclaimedByClass.get(volume.className);
    const at = unclaimed ? unclaimed.indexOf(volume) : -1;
    if (at >= 0) unclaimed!.splice(at, 1);
    volume.claimRef = { namespace: claim.namespace, name: claim.name, uid: volume.claimRef?.uid };
    volume.available = false;
    claim.phase = 'Bound';
    claim.boundTo = volume.name;
    claim.message = undefined;
    this.pending.delete(claim);
  }

  /** Dynamic provisioning (§5.3); `node` is the selected node of a WaitForFirstConsumer claim. */
  private provision(claim: SimClaim, storageClass: SimStorageClass, node?: SimNode): void {
    const volume = provisionedVolume(claim, storageClass, node);
    this.addVolume(volume);
    this.bind(claim, volume);
  }

  private setPending(claim: SimClaim, reason: PendingReason): void {
    claim.phase = 'Pending';
    claim.message = reason.message;
    this.pending.set(claim, reason);
  }

  /** Which volumes of the claim's class exist and why none fits (for messages). */
  explainNoVolume(claim: SimClaim): string {
    const className = this.classOf(claim);
    const ofClass = this.volumesByClass.get(className) ?? [];
    const classText = className === '' ? 'without a class' : `of class "${className}"`;
    if (ofClass.length === 0) return `no PersistentVolume ${classText} exists`;
    const reasons = ofClass.map((v) => `${v.name} ${this.rejectionText(claim, v)}`);
    const shown = reasons.slice(0, 3).join(', ') + (reasons.length > 3 ? ` and ${reasons.length - 3} more` : '');
    return `no PersistentVolume ${classText} fits: ${shown}`;
  }

  /** The size when every volume of the class is only too small, else the claim's name. */
  noVolumePath(claim: SimClaim): JsonPath {
    const ofClass = this.volumesByClass.get(this.classOf(claim)) ?? [];
    const onlySize = ofClass.length > 0 && ofClass.every((v) => rejectionOf(claim, v)?.kind === 'size');
    return onlySize ? ['spec', 'resources', 'requests', 'storage'] : ['metadata', 'name'];
  }

  volumeRelated(claim: SimClaim): SimRelated[] {
    const ofClass = this.volumesByClass.get(this.classOf(claim)) ?? [];
    return ofClass.slice(0, 3).flatMap((v) => volumeRelated(v, `PersistentVolume ${v.name} ${this.rejectionText(claim, v)}`));
  }

  /** Why a volume of the claim's class does not serve it, including a node affinity no node of the cluster matches. */
  private rejectionText(claim: SimClaim, volume: SimVolume): string {
    const rejection = rejectionOf(claim, volume);
    if (rejection) return rejection.text;
    if (!this.nodes.some((n) => volumeAllowsNode(volume, n))) return 'has a node affinity that no node of the cluster matches';
    return 'fits';
  }

  private knownClassesHint(): string | undefined {
    const names = [...this.classes.keys()].sort();
    const def = defaultStorageClass([...this.classes.values()]);
    if (names.length === 0) return 'the cluster has no StorageClass';
    return `the cluster's StorageClasses are ${names.map((n) => `"${n}"`).join(', ')}${def ? ` (default "${def.name}")` : ''}`;
  }

  // --- scheduler side (§3.9) -----------------------------------------------------------------------

  /**
   * The claims a pod mounts, resolved and classified (PreFilter of VolumeRestrictions and
   * VolumeBinding). Computed once per scheduling attempt and reused for every node.
   */
  podVolumes(pod: SimPod, refresh: boolean): PodVolumes {
    // Filters ask once per node for the pod being scheduled: keep it at hand.
    if (!refresh && pod === this.lastPod) return this.lastVolumes!;
    let result = refresh ? undefined : this.analysed.get(pod);
    if (!result) {
      result = this.analyse(pod);
      this.analysed.set(pod, result);
    }
    this.lastPod = pod;
    this.lastVolumes = result;
    return result;
  }

  private analyse(pod: SimPod): PodVolumes {
    const out: PodVolumes = { uses: [], bound: [], delayed: [], unboundImmediate: false, readWriteOncePodInUse: false };
    const seen = new Set<string>();
    const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
    const wanted: { name: string; volumeIndex: number; ephemeral: boolean }[] = [];
    volumes.forEach((v, i) => {
      if (!isRecord(v)) return;
      if (isRecord(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string')
        wanted.push({ name: v.persistentVolumeClaim.claimName, volumeIndex: i, ephemeral: false });
      else if (isRecord(v.ephemeral) && typeof v.name === 'string') wanted.push({ name: `${pod.name}-${v.name}`, volumeIndex: i, ephemeral: true });
    });
    for (const name of pod.claims) if (!wanted.some((w) => w.name === name)) wanted.push({ name, volumeIndex: -1, ephemeral: false });

    for (const w of wanted) {
      if (seen.has(w.name)) continue;
      seen.add(w.name);
      let claim = this.claimsByKey.get(claimKey(pod.namespace, w.name));
      if (!claim && w.ephemeral) claim = this.ephemeralClaim(pod, w.volumeIndex, w.name);
      if (!claim || this.problems.has(claim)) {
        if (!claim && this.isExternal?.(pod.namespace, w.name)) continue;
        if (w.ephemeral) out.missing ??= `waiting for ephemeral volume controller to create the persistentvolumeclaim "${w.name}"`;
        else {
          out.notFound ??= `persistentvolumeclaim "${w.name}" not found`;
          out.missing ??= out.notFound;
        }
        continue;
      }
      out.uses.push({ claim, volumeIndex: w.volumeIndex });
      if (accessModesOf(claim.spec).includes('ReadWriteOncePod') && this.usersOf(claim).some((p) => p !== pod)) out.readWriteOncePodInUse = true;
      if (claim.phase === 'Bound') {
        const volume = claim.boundTo !== undefined ? this.volumes.get(claim.boundTo) : undefined;
        if (volume) out.bound.push(volume);
      } else if (this.isDelayBinding(claim) && !namesVolume(claim)) {
        out.delayed.push(claim);
      } else {
        // Claims naming their volume count as immediate even with a WaitForFirstConsumer class.
        out.unboundImmediate = true;
      }
    }
    out.delayed.sort((a, b) => compareSize(a, b));
    return out;
  }

  /** The claim the ephemeral volume controller creates for a generic ephemeral volume: `<pod>-<volume>`. */
  private ephemeralClaim(pod: SimPod, volumeIndex: number, name: string): SimClaim {
    const claim = newClaim(pod.owner.manifest, [...pod.template.specPath, 'volumes', volumeIndex, 'ephemeral', 'volumeClaimTemplate'], name, pod.namespace);
    this.addClaim(claim);
    this.syncUnboundClaim(claim);
    return claim;
  }

  /** The claim's class (`GetPersistentVolumeClaimClass`), after DefaultStorageClass admission. */
  classOf(claim: SimClaim): string {
    return this.identity.get(claim)?.className ?? claimClassOf(claim);
  }

  /** `IsDelayBindingMode`: the claim's class exists and binds WaitForFirstConsumer. */
  isDelayBinding(claim: SimClaim): boolean {
    return this.classes.get(this.classOf(claim))?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  /** Records that a pod reached PreFilter with unbound WaitForFirstConsumer claims. */
  noteConsumer(pod: SimPod, claims: readonly SimClaim[]): void {
    for (const claim of claims) {
      const list = this.consumers.get(claim);
      if (!list) this.consumers.set(claim, [pod]);
      else if (list[list.length - 1] !== pod) list.push(pod); // a pod's repeated calls come back to back
    }
  }

  /**
   * `findMatchingVolumes` + `checkVolumeProvisions` (§3.9): every unbound WaitForFirstConsumer
   * claim gets an available volume of its class on this node, or its class can provision here.
   * Returns the static volume chosen per claim (undefined = provision), or undefined if impossible.
   */
  delayedBindingOn(claims: readonly SimClaim[], node: SimNode): Map<SimClaim, SimVolume | undefined> | undefined {
    const chosen = new Map<SimClaim, SimVolume | undefined>();
    const excluded = new Set<string>();
    for (const claim of claims) {
      const className = this.classOf(claim);
      const volume = findMatchingVolume(claim, this.candidatesFor(claim, className), { node, excluded, delayBinding: true });
      if (volume) {
        excluded.add(volume.name);
        chosen.set(claim, volume);
        continue;
      }
      const storageClass = this.classes.get(className);
      // checkVolumeProvisions: a claim with a selector is never provisioned dynamically (§5.3).
      if (!storageClass || hasSelector(claim) || !canProvisionOn(storageClass, node)) return undefined;
      chosen.set(claim, undefined);
    }
    return chosen;
  }

  /** Whether `delayedBindingOn` would succeed; without static candidates only the classes' topology matters. */
  canBindDelayedOn(claims: readonly SimClaim[], node: SimNode): boolean {
    for (const claim of claims) {
      const className = this.classOf(claim);
      if (this.candidatesFor(claim, className).length > 0) return this.delayedBindingOn(claims, node) !== undefined;
      const storageClass = this.classes.get(className);
      if (!storageClass || hasSelector(claim) || !canProvisionOn(storageClass, node)) return false;
    }
    return true;
  }

  /**
   * Once the pod is placed (Reserve/PreBind): its WaitForFirstConsumer claims bind to the volumes
   * chosen for the node, or are provisioned in the node's topology (§5.3, §5.4).
   */
  bindDelayed(pod: SimPod, node: SimNode): void {
    const volumes = this.podVolumes(pod, false);
    const pending = volumes.delayed.filter((c) => c.phase !== 'Bound');
    const plan = this.delayedBindingOn(pending, node);
    if (!plan) return;
    for (const [claim, volume] of plan) {
      if (volume) {
        this.bind(claim, volume);
        continue;
      }
      // delayedBindingOn never plans provisioning for a claim with a selector.
      this.provision(claim, this.classes.get(this.classOf(claim))!, node);
    }
    this.forget(pod);
  }

  /** Drops the cached analysis of a pod whose claims changed. */
  private forget(pod: SimPod): void {
    this.analysed.delete(pod);
    if (this.lastPod === pod) this.lastPod = this.lastVolumes = undefined;
  }

  /** Records that `pod` runs on `node` with its claims (§3.1 row 7, §5.5). */
  recordUse(pod: SimPod, node: SimNode): void {
    this.podNode.set(pod, node.name);
    for (const use of this.podVolumes(pod, false).uses) {
      let usage = this.usage.get(use.claim);
      if (!usage) this.usage.set(use.claim, (usage = { byNode: new Map() }));
      const pods = usage.byNode.get(node.name);
      if (!pods) usage.byNode.set(node.name, [pod]);
      else if (pods[pods.length - 1] !== pod) pods.push(pod); // a pod's repeated calls come back to back
    }
  }

  /** Pods placed with this claim, in placement order per node. */
  usersOf(claim: SimClaim): SimPod[] {
    const usage = this.usage.get(claim);
    return usage ? [...usage.byNode.values()].flat() : [];
  }

  /** Nodes using a claim, in the order they first used it, with their pods. */
  usageOf(claim: SimClaim): ReadonlyMap<string, readonly SimPod[]> {
    return this.usage.get(claim)?.byNode ?? new Map();
  }

  /** Claims with recorded use, in claim order. */
  usedClaims(): SimClaim[] {
    return this.claimList.filter((c) => this.usage.has(c));
  }

  /**
   * The kubelet-side failure of a placed pod whose ReadWriteOnce volume is already attached to
   * another node (§5.5): the attach/detach controller refuses a second attachment of a volume
   * without ReadWriteMany/ReadOnlyMany (`isMultiAttachAllowed`), and the pod stays
   * ContainerCreating with `FailedAttachVolume`. Undefined when the pod can attach its volumes.
   */
  multiAttachError(pod: SimPod): string | undefined {
    const nodeName = this.podNode.get(pod);
    if (nodeName === undefined) return undefined;
    for (const use of this.podVolumes(pod, false).uses) {
      const conflict = this.multiAttachConflict(use.claim, nodeName);
      if (conflict) return conflict.message;
    }
    return undefined;
  }

  /** The Multi-Attach error for a pod of `claim` on `nodeName`, with the node that holds the volume. */
  multiAttachConflict(claim: SimClaim, nodeName: string): { message: string; holder: string; holders: readonly SimPod[] } | undefined {
    const volume = claim.boundTo !== undefined ? this.volumes.get(claim.boundTo) : undefined;
    if (!volume || !volume.attachable) return undefined;
    if (volume.accessModes.includes('ReadWriteMany') || volume.accessModes.includes('ReadOnlyMany')) return undefined;
    const usage = this.usage.get(claim);
    const first = usage ? usage.byNode.keys().next() : undefined;
    if (!usage || !first || first.done || first.value === nodeName) return undefined;
    const holders = usage.byNode.get(first.value) ?? [];
    return {
      message: `Multi-Attach error for volume "${volume.name}" Volume is already used by pod(s) ${holders.map((p) => p.name).join(', ')}`,
      holder: first.value,
      holders,
    };
  }

  /** Whether some node could ever serve this WaitForFirstConsumer claim (a volume there, or provisioning). */
  someNodeCanServe(claim: SimClaim): boolean {
    return this.nodes.some((node) => this.canBindDelayedOn([claim], node));
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `spec.selector` is set: only a static volume with matching labels can satisfy the claim. */
function hasSelector(claim: SimClaim): boolean {
  return claim.spec.selector !== undefined && claim.spec.selector !== null;
}

/** `spec.volumeName` is set: the claim asks for one volume (§5.2 pre-binding). */
function namesVolume(claim: SimClaim): boolean {
  return typeof claim.spec.volumeName === 'string' && claim.spec.volumeName !== '';
}

function compareSize(a: SimClaim, b: SimClaim): number {
  const qa = requestedStorage(a);
  const qb = requestedStorage(b);
  if (!qa || !qb) return 0;
  return compareQuantities(qa, qb);
}

export function classRelated(storageClass: SimStorageClass | undefined): SimRelated[] {
  if (!storageClass?.manifest) return [];
  return [{ node: { manifest: storageClass.manifest, path: ['metadata', 'name'] }, note: `StorageClass ${storageClass.name}` }];
}

function volumeRelated(volume: SimVolume, note: string): SimRelated[] {
  return volume.manifest ? [{ node: { manifest: volume.manifest, path: ['metadata', 'name'] }, note }] : [];
}
