/**
 * Findings of volume binding: `pvc-unbound` for claims that would stay Pending forever (§5.2–5.4),
 * and the Multi-Attach error of a ReadWriteOnce volume used from two nodes (§5.5). Claims from one
 * template (a StatefulSet's `volumeClaimTemplates`) that fail for the same reason give one finding.
 */
import { formatRef } from '../../findings.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { SimClaim, SimIssue, SimPod, SimRelated } from '../model.js';
import type { VolumeBinder } from './binder.js';
import { classRelated } from './binder.js';
import { claimClassOf } from './claims.js';
import { provisions } from './classes.js';
import { VOLUME_BIND_CONFLICT } from './filters.js';

interface ClaimFinding {
  /** What happens to the claim, after "would stay Pending". */
  text: string;
  path: JsonPath;
  related: SimRelated[];
  /** Invalid claims are rejected, not Pending. */
  rejected?: boolean;
}

export function storageIssues(binder: VolumeBinder): SimIssue[] {
  const groups = new Map<string, { claims: SimClaim[]; finding: ClaimFinding }>();
  for (const claim of binder.claims()) {
    const finding = unboundFinding(binder, claim);
    if (!finding) continue;
    const key = `${claim.manifest.index}\u0000${claim.path.join('/')}\u0000${finding.text}`;
    const group = groups.get(key);
    if (group) group.claims.push(claim);
    else groups.set(key, { claims: [claim], finding });
  }
  const issues: SimIssue[] = [];
  for (const { claims, finding } of groups.values()) {
    const first = claims[0];
    issues.push({
      id: 'pvc-unbound',
      at: { manifest: first.manifest, path: [...first.path, ...finding.path] },
      message: finding.rejected
        ? `${claimsText(claims)} ${claims.length > 1 ? 'are' : 'is'} invalid, so the API server rejects ${claims.length > 1 ? 'them' : 'it'} and pods that use ${claims.length > 1 ? 'them' : 'it'} stay Pending: ${finding.text}`
        : `${claimsText(claims)} would stay Pending: ${finding.text}`,
      related: finding.related,
    });
  }
  return [...issues, ...multiAttachIssues(binder)];
}

function unboundFinding(binder: VolumeBinder, claim: SimClaim): ClaimFinding | undefined {
  const problem = binder.problemOf(claim);
  if (problem) return { text: problem.message, path: problem.path, related: [], rejected: true };
  if (claim.phase === 'Bound') return undefined;
  const reason = binder.pendingReason(claim);
  if (!reason) return undefined;
  if (!reason.waiting) {
    return { text: reason.detail ? `${reason.message}; ${reason.detail}` : reason.message, path: reason.path, related: reason.related };
  }
  // WaitForFirstConsumer (§5.4): waiting without a consumer is normal; report only a claim no node
  // could ever serve, or one whose consumers could not be scheduled.
  const consumers = binder.consumersOf(claim);
  if (consumers.length > 0) {
    const pod = consumers[0];
    // A consumer held back by something else (CPU, a node selector) is the `unschedulable` finding's
    // story; the claim is only news when the volume is part of why the pod fits nowhere.
    if (!/volume|PersistentVolume/i.test(pod.status.message ?? '')) return undefined;
    const why = pod.status.message ? `pod ${pod.name}: ${pod.status.message}` : `pod ${pod.name} stays Pending`;
    return {
      text: `${reason.message}, and no pod that uses it can be scheduled (${why})`,
      path: reason.path,
      related: [...reason.related, ...ownersOf(consumers)],
    };
  }
  if (binder.someNodeCanServe(claim)) return undefined;
  const storageClass = binder.storageClass(claimClassOf(claim));
  const classText = !storageClass
    ? ''
    : !provisions(storageClass)
      ? `StorageClass "${storageClass.name}" does not provision volumes (provisioner ${storageClass.provisioner}), and `
      : storageClass.allowedTopologies.length > 0
        ? `no node matches the allowedTopologies of StorageClass "${storageClass.name}", and `
        : '';
  return {
    text: `${reason.message}, but no node can serve it once a pod uses it (${binder.nodes.length} ${VOLUME_BIND_CONFLICT}): ${classText}${binder.explainNoVolume(claim)}`,
    path: binder.noVolumePath(claim),
    related: [...classRelated(storageClass), ...binder.volumeRelated(claim)],
  };
}

function claimsText(claims: readonly SimClaim[]): string {
  const first = claims[0];
  const names = claims.map((c) => `${c.namespace}/${c.name}`);
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  const from = first.path.length > 0 ? ` (from the claim template of ${refText(first)})` : '';
  return `PersistentVolumeClaim${claims.length > 1 ? 's' : ''} ${shown}${from}`;
}

function refText(claim: SimClaim): string {
  const ref = claim.manifest.ref;
  return formatRef(ref);
}

function ownersOf(pods: readonly SimPod[]): SimRelated[] {
  const seen = new Set<unknown>();
  const out: SimRelated[] = [];
  for (const pod of pods) {
    const m = pod.owner.manifest;
    if (seen.has(m)) continue;
    seen.add(m);
    out.push({ node: { manifest: m, path: ['metadata', 'name'] }, note: `${formatRef(m.ref)} uses the claim` });
  }
  return out;
}

/**
 * §5.5: pods placed on another node than the one their ReadWriteOnce volume is attached to stay
 * ContainerCreating with `FailedAttachVolume`. One finding per workload and claim, at the pod
 * template's volume entry.
 */
function multiAttachIssues(binder: VolumeBinder): SimIssue[] {
  const issues: SimIssue[] = [];
  for (const claim of binder.usedClaims()) {
    const byOwner = new Map<unknown, { pods: SimPod[]; message: string; holder: string }>();
    for (const [nodeName, pods] of binder.usageOf(claim)) {
      const conflict = binder.multiAttachConflict(claim, nodeName);
      if (!conflict) continue;
      for (const pod of pods) {
        const entry = byOwner.get(pod.owner.manifest);
        if (entry) entry.pods.push(pod);
        else byOwner.set(pod.owner.manifest, { pods: [pod], message: conflict.message, holder: conflict.holder });
      }
    }
    for (const { pods, message, holder } of byOwner.values()) {
      const pod = pods[0];
      const use = binder.podVolumes(pod, false).uses.find((u) => u.claim === claim);
      const path: JsonPath =
        use && use.volumeIndex >= 0 ? [...pod.template.specPath, 'volumes', use.volumeIndex, 'persistentVolumeClaim', 'claimName'] : [...pod.template.metadataPath];
      const owner = pod.owner.manifest.ref;
      issues.push({
        id: 'config-error',
        at: { manifest: pod.owner.manifest, path },
        message:
          `${pods.length} pod(s) of ${owner.kind}/${owner.namespace ?? ''}/${owner.name} would stay ContainerCreating: pod ${pod.name}: ${message}; ` +
          `PersistentVolumeClaim ${claim.namespace}/${claim.name} is ReadWriteOnce, so only pods on node ${holder} can use it ` +
          '(give each replica its own claim with StatefulSet volumeClaimTemplates, or use a ReadWriteMany volume)',
        related: [{ node: { manifest: claim.manifest, path: [...claim.path, 'spec', 'accessModes'] }, note: `PersistentVolumeClaim ${claim.namespace}/${claim.name}` }],
      });
    }
  }
  return issues;
}
