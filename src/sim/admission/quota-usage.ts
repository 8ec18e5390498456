/**
 * What a pod counts against a ResourceQuota (§11.1; `kubernetes/kubernetes:
 * pkg/quota/v1/evaluator/core/pods.go (PodUsageFunc, podComputeUsageHelper, MatchingResources,
 * Constraints, enforcePodContainerConstraints)`): the quota resource names a pod can consume, its
 * usage under those names (effective requests §2.2 and limits), and the must-specify rule.
 */
import { resourceListsOf } from '../../k8s/container-resources.js';
import { isRecord } from '../../k8s/values.js';
import type { ResourceList, SimPod } from '../model.js';
import { podLimits, resourceListOf } from '../resources.js';

/** `count/pods`: every pod object, whatever its phase. */
export const POD_OBJECT_COUNT = 'count/pods';

/** Quota resource names the pod evaluator tracks (podResources). */
const POD_RESOURCES: ReadonlySet<string> = new Set([
  POD_OBJECT_COUNT,
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);

/** Resources whose quota makes every container specify them (the backward-compatible validationSet). */
export const MUST_SPECIFY: ReadonlySet<string> = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

const REQUESTS_PREFIX = 'requests.';
const LIMITS_PREFIX = 'limits.';

/** A native resource has no domain, or a `kubernetes.io/` one. */
const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

/** An extended resource (`nvidia.com/gpu`): quota tracks it only as `requests.<name>`. */
export const isExtendedResource = (name: string): boolean => !isNativeResource(name) && !name.startsWith(REQUESTS_PREFIX);

/** The `spec.hard` names a pod can consume (MatchingResources); a quota with none of them ignores pods. */
export function matchingPodResources(hard: readonly string[]): string[] {
  return hard.filter(
    (r) =>
      POD_RESOURCES.has(r) ||
      r.startsWith('hugepages-') ||
      r.startsWith(`${REQUESTS_PREFIX}hugepages-`) ||
      (r.startsWith(REQUESTS_PREFIX) && isExtendedResource(r.slice(REQUESTS_PREFIX.length))),
  );
}

/** The resource a quota name counts (`requests.cpu` → `cpu`), for units and display. */
export function baseResource(quotaName: string): string {
  if (quotaName.startsWith(REQUESTS_PREFIX)) return quotaName.slice(REQUESTS_PREFIX.length);
  if (quotaName.startsWith(LIMITS_PREFIX)) return quotaName.slice(LIMITS_PREFIX.length);
  return quotaName;
}

/** podComputeUsageHelper: requests and limits under their quota names; `pods` is always 1. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: 1 };
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (r in requests) out[r] = out[`${REQUESTS_PREFIX}${r}`] = requests[r];
    if (r in limits) out[`${LIMITS_PREFIX}${r}`] = limits[r];
  }
  for (const [r, v] of Object.entries(requests)) {
    if (r.startsWith('hugepages-')) out[r] = out[`${REQUESTS_PREFIX}${r}`] = v;
    if (isExtendedResource(r)) out[`${REQUESTS_PREFIX}${r}`] = v;
  }
  return out;
}

/** The usage a new pod adds, by quota name, zeros left out (PodUsageFunc, then RemoveZeros): its effective requests (§2.2) and limits. */
export function podQuotaUsage(pod: SimPod): ResourceList {
  const usage = computeUsage(pod.requests, podLimits(pod.spec));
  usage[POD_OBJECT_COUNT] = 1;
  for (const [r, v] of Object.entries(usage)) if (v === 0) delete usage[r];
  return usage;
}

/**
 * The must-specify rule: for each required name (sorted), the containers and init containers
 * (sorted, deduplicated) whose own requests/limits — after §2.1 and LimitRange defaulting — lack it.
 */
export function missingQuotaResources(spec: Record<string, unknown>, required: readonly string[]): { resource: string; containers: string[] }[] {
  const missing = new Map<string, Set<string>>();
  for (const field of ['containers', 'initContainers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isRecord(c)) continue;
      const lists = resourceListsOf(c);
      const limits = resourceListOf(lists.limits);
      // The container's requests as stored on the Pod: limits fill missing requests (§2.1).
      const has = computeUsage({ ...limits, ...resourceListOf(lists.requests) }, limits);
      for (const r of required) {
        if (r in has) continue;
        const names = missing.get(r) ?? new Set<string>();
        names.add(typeof c.name === 'string' ? c.name : '');
        missing.set(r, names);
      }
    }
  }
  return [...missing.keys()].sort().map((resource) => ({ resource, containers: [...missing.get(resource)!].sort() }));
}
