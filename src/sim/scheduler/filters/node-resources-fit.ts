/**
 * NodeResourcesFit (§3.1 #6, §3.3 exact): pod count against `allocatable.pods` (default 110), then
 * cpu, memory, ephemeral-storage and every scalar resource (extended resources such as
 * `nvidia.com/gpu`, `hugepages-*`) the pod requests, against allocatable − requested.
 * Source: `pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest)`; the kubelet admits
 * preset-nodeName pods with the same check (`pkg/kubelet/lifecycle/predicate.go`).
 */
import type { ResourceList, SimNode, SimPod } from '../../model.js';
import { FITS, type FilterPlugin, type FilterStatus } from '../framework.js';
import type { SchedulingState } from '../state.js';

/** kubelet `maxPods` default (§3.3). */
export const DEFAULT_MAX_PODS = 110;

export interface InsufficientResource {
  resource: string;
  /** `Too many pods` or `Insufficient <resource>`. */
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

const BASIC = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * `v1helper.IsScalarResourceName`: extended (domain-qualified), prefixed native (`*kubernetes.io/*`),
 * hugepages and attachable-volume resources.
 */
export function isScalarResource(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (name.includes('kubernetes.io/')) return true; // IsPrefixedNativeResource
  return name.includes('/') && !name.startsWith('requests.');
}

/**
 * The resources that do not fit, in the order fitsRequest reports them (pods, cpu, memory,
 * ephemeral-storage, then scalar resources by name).
 */
export function insufficientResources(
  requests: Readonly<ResourceList>,
  allocatable: Readonly<ResourceList>,
  used: Readonly<ResourceList>,
  podCount: number,
): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const maxPods = allocatable.pods ?? DEFAULT_MAX_PODS;
  if (podCount + 1 > maxPods) out.push({ resource: 'pods', reason: 'Too many pods', requested: 1, used: podCount, capacity: maxPods });
  let scalars: string[] | undefined;
  for (const r in requests) {
    if (!BASIC.includes(r) && isScalarResource(r)) (scalars ??= []).push(r);
  }
  const check = (r: string): void => {
    const req = requests[r] ?? 0;
    if (req <= 0) return;
    const alloc = allocatable[r] ?? 0;
    const u = used[r] ?? 0;
    if (req > alloc - u) out.push({ resource: r, reason: `Insufficient ${r}`, requested: req, used: u, capacity: alloc });
  };
  for (const r of BASIC) check(r);
  if (scalars) for (const r of scalars.sort()) check(r);
  return out;
}

/** The resources of a request that fitsRequest checks (non-zero basic and scalar ones), cached per request object. */
const checkedCache = new WeakMap<Readonly<ResourceList>, string[]>();

let lastRequests: Readonly<ResourceList> | undefined;
let lastNames: string[] = [];

function checkedResources(requests: Readonly<ResourceList>): string[] {
  // The filter runs for many nodes in a row with the same pod: remember the last answer.
  if (requests === lastRequests) return lastNames;
  let names = checkedCache.get(requests);
  if (!names) {
    names = Object.keys(requests).filter((r) => (requests[r] ?? 0) > 0 && (BASIC.includes(r) || isScalarResource(r)));
    checkedCache.set(requests, names);
  }
  lastRequests = requests;
  lastNames = names;
  return names;
}

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod: SimPod, node: SimNode, state: SchedulingState): FilterStatus {
    const allocatable = node.allocatable;
    const usage = state.usage(node.name);
    const used = usage?.requested ?? {};
    const podCount = usage?.pods.length ?? 0;
    // Fast path without allocation; the ordered reasons are built only when something does not fit.
    let fits = podCount + 1 <= (allocatable.pods ?? DEFAULT_MAX_PODS);
    if (fits) {
      for (const r of checkedResources(pod.requests)) {
        if (pod.requests[r] > (allocatable[r] ?? 0) - (used[r] ?? 0)) {
          fits = false;
          break;
        }
      }
    }
    if (fits) return FITS;
    const missing = insufficientResources(pod.requests, allocatable, used, podCount);
    return { ok: false, reasons: missing.map((m) => m.reason), code: 'Unschedulable' };
  },
};
