/**
 * Findings for pods admission rejects (§11, §13), one per workload and cause rather than one per
 * pod: `quota-exceeded` (how many of how many pods a ResourceQuota admits), `limitrange-violation`
 * (at the container value outside the LimitRange), `admission-rejected` (Pod Security level of the
 * Namespace, missing ServiceAccount).
 */
import { formatRef } from '../../findings.js';
import { containersOf } from '../../k8s/pod-template.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { SimIssue, SimPod, SimRelated } from '../model.js';
import type { AdmissionRejection, AdmissionResult } from './admit.js';
import type { LimitRangeViolation } from './limit-range.js';

interface Cause {
  /** The first rejection with this cause (its message speaks for all). */
  rejection: AdmissionRejection;
  pod: SimPod;
  /** For LimitRange causes: the violation. */
  violation?: LimitRangeViolation;
  pods: number;
}

interface OwnerTally {
  owner: Manifest;
  total: number;
  causes: Map<string, Cause>;
}

const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** The causes of one rejection, each with a key that is the same for every pod of the workload. */
function causesOf(rejection: AdmissionRejection): { key: string; violation?: LimitRangeViolation }[] {
  switch (rejection.check) {
    case 'ServiceAccount':
      return [{ key: `sa:${rejection.serviceAccount}` }];
    case 'PodSecurity':
      return [{ key: `psa:${rejection.verdict.policy}` }];
    case 'ResourceQuota':
      return [{ key: `quota:${rejection.verdict.quota.index}:${rejection.verdict.reason}` }];
    case 'LimitRanger':
      return rejection.violations.map((v) => ({
        key: `lr:${v.limitRange.index}:${pathKey(v.limitPath)}:${pathKey(v.path)}:${v.message}`,
        violation: v,
      }));
  }
}

/** `all 3 pods of Deployment/ns/web`, `2 of the 3 pods of …`, `the pod of …`, or the bare Pod itself. */
function podsOf(owner: Manifest, count: number, total: number): string {
  const ref = formatRef(owner.ref);
  if (owner.ref.kind === 'Pod') return ref;
  if (count === total) return total === 1 ? `the pod of ${ref}` : `all ${total} pods of ${ref}`;
  return `${count} of the ${total} pods of ${ref}`;
}

function quotaIssue(tally: OwnerTally, cause: Cause & { rejection: Extract<AdmissionRejection, { check: 'ResourceQuota' }> }): SimIssue {
  const { verdict } = cause.rejection;
  const quotaRef = formatRef(verdict.quota.ref);
  const admitted = tally.total - cause.pods;
  const head =
    admitted > 0 && tally.owner.ref.kind !== 'Pod'
      ? `${quotaRef} admits only ${admitted} of the ${tally.total} pods of ${formatRef(tally.owner.ref)}`
      : `${quotaRef} rejects ${podsOf(tally.owner, cause.pods, tally.total)}`;
  const related: SimRelated[] = verdict.resources.map((r, i) => ({
    node: { manifest: verdict.quota, path: verdict.paths[i] },
    note: `${quotaRef} limits ${r} to ${verdict.limited[i]}`,
  }));
  const containers = containersOf(cause.pod.template);
  for (const m of verdict.missing ?? []) {
    for (const name of m.containers) {
      const c = containers.find((x) => x.name === name);
      if (c) related.push({ node: { manifest: tally.owner, path: [...c.path, 'resources'] }, note: `container "${name}" sets no ${m.resource}` });
    }
  }
  return { id: 'quota-exceeded', at: { manifest: tally.owner, path: ['metadata', 'name'] }, message: `${head}: ${verdict.message}`, related };
}

function limitRangeIssue(tally: OwnerTally, cause: Cause, v: LimitRangeViolation): SimIssue {
  const lrRef = formatRef(v.limitRange.ref);
  const pods = podsOf(tally.owner, cause.pods, tally.total);
  const message =
    v.constraint === 'requestAboveLimit'
      ? `The defaults of ${lrRef} make ${pods} invalid: ${v.message}`
      : `${lrRef} rejects ${pods}: ${v.message}`;
  const field = v.limitPath[v.limitPath.length - 2];
  const related: SimRelated[] = [{ node: { manifest: v.limitRange, path: v.limitPath }, note: `the ${String(field)} ${v.resource} of ${lrRef}` }];
  if (v.defaultedBy && v.constraint !== 'requestAboveLimit') {
    related.push({
      node: { manifest: v.defaultedBy.manifest, path: v.defaultedBy.path },
      note: `the value comes from the default of ${formatRef(v.defaultedBy.manifest.ref)}`,
    });
  }
  return { id: 'limitrange-violation', at: { manifest: tally.owner, path: v.path }, message, related };
}

function podSecurityIssue(tally: OwnerTally, cause: Cause & { rejection: Extract<AdmissionRejection, { check: 'PodSecurity' }> }): SimIssue {
  const { verdict } = cause.rejection;
  const nsRef = formatRef(verdict.namespace.ref);
  const related: SimRelated[] = [
    { node: { manifest: verdict.namespace, path: verdict.labelPath }, note: `${nsRef} enforces the "${verdict.level}" Pod Security level` },
  ];
  if (verdict.versionLabelPath) related.push({ node: { manifest: verdict.namespace, path: verdict.versionLabelPath }, note: 'the pinned policy version' });
  const seen = new Set<string>();
  for (const v of verdict.violations) {
    const key = pathKey(v.path);
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({ node: { manifest: tally.owner, path: v.path }, note: `${v.reason} (${v.detail})` });
  }
  return {
    id: 'admission-rejected',
    at: { manifest: tally.owner, path: ['metadata', 'name'] },
    message: `${nsRef} rejects ${podsOf(tally.owner, cause.pods, tally.total)}: ${verdict.message}`,
    related,
  };
}

function serviceAccountIssue(tally: OwnerTally, cause: Cause & { rejection: Extract<AdmissionRejection, { check: 'ServiceAccount' }> }): SimIssue {
  const template = cause.pod.template;
  // The field the account came from (serviceAccountOf: a non-empty serviceAccountName, else the deprecated serviceAccount).
  const named = template.spec.serviceAccountName;
  const field = (typeof named === 'string' && named !== '') || typeof template.spec.serviceAccount !== 'string' ? 'serviceAccountName' : 'serviceAccount';
  return {
    id: 'admission-rejected',
    at: { manifest: tally.owner, path: [...template.specPath, field] },
    message: `ServiceAccount admission rejects ${podsOf(tally.owner, cause.pods, tally.total)}: ${cause.rejection.error}`,
    related: [],
  };
}

/** One finding per workload and cause, in the order the pods were admitted. */
export function admissionIssues(results: readonly AdmissionResult[]): SimIssue[] {
  const owners = new Map<Manifest, OwnerTally>();
  for (const r of results) {
    const owner = r.pod.owner.manifest;
    let tally = owners.get(owner);
    if (!tally) owners.set(owner, (tally = { owner, total: 0, causes: new Map() }));
    tally.total++;
    if (!r.rejection) continue;
    for (const { key, violation } of causesOf(r.rejection)) {
      const cause = tally.causes.get(key);
      if (cause) cause.pods++;
      else tally.causes.set(key, { rejection: r.rejection, pod: r.pod, pods: 1, ...(violation ? { violation } : {}) });
    }
  }
  const out: SimIssue[] = [];
  for (const tally of owners.values()) {
    for (const cause of tally.causes.values()) {
      const { rejection } = cause;
      switch (rejection.check) {
        case 'ResourceQuota':
          out.push(quotaIssue(tally, { ...cause, rejection }));
          break;
        case 'LimitRanger':
          if (cause.violation) out.push(limitRangeIssue(tally, cause, cause.violation));
          break;
        case 'PodSecurity':
          out.push(podSecurityIssue(tally, { ...cause, rejection }));
          break;
        case 'ServiceAccount':
          out.push(serviceAccountIssue(tally, { ...cause, rejection }));
          break;
      }
    }
  }
  return out;
}
