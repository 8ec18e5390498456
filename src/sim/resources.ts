/**
 * Resource arithmetic of the simulator: quantities as integers per resource (§1.2), requests
 * defaulted from limits (§2.1), the effective pod request (§2.2) and the QoS class (§2.3).
 */
import { resourceListsOf } from '../k8s/container-resources.js';
import { formatQuantity, parseQuantity, quantityMilliValue, quantityValue } from '../k8s/quantity.js';
import { isRecord } from '../k8s/values.js';
import type { ResourceList } from './model.js';

const MAX_MEMO_ENTRIES = 50_000;
/** Parsed amounts by resource kind and written value: every pod of a workload carries the same few values. */
const amounts = new Map<string, number | undefined>();

/**
 * `cpu` counts in millicores (MilliValue), everything else in units (Value), as the scheduler does.
 * Memoized by the written value: parsing again for each of 10,000 pods would cost more than the
 * scheduling around it.
 */
export function amountOf(resource: string, value: unknown): number | undefined {
  const key = typeof value === 'string' ? `s${value}` : typeof value === 'number' ? `n${value}` : undefined;
  if (key === undefined) return parseAmount(resource, value);
  const full = `${resource === 'cpu' ? 'c' : 'u'}${key}`;
  if (amounts.has(full)) return amounts.get(full);
  if (amounts.size >= MAX_MEMO_ENTRIES) amounts.clear();
  const amount = parseAmount(resource, value);
  amounts.set(full, amount);
  return amount;
}

function parseAmount(resource: string, value: unknown): number | undefined {
  const parsed = parseQuantity(value);
  if (!parsed.ok) return undefined;
  const n = resource === 'cpu' ? quantityMilliValue(parsed.quantity) : quantityValue(parsed.quantity);
  return Number(n);
}

/** A `requests`/`limits` map as amounts; unparseable entries are left out (other rules report them). */
export function resourceListOf(map: unknown): ResourceList {
  const out: ResourceList = {};
  if (!isRecord(map)) return out;
  for (const [name, value] of Object.entries(map)) {
    const amount = amountOf(name, value);
    if (amount !== undefined) out[name] = amount;
  }
  return out;
}

/** How an amount reads in a message: `cpu` 1500 → `1500m`, memory 3221225472 → `3Gi`. */
export function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu') {
    const q = parseQuantity(amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`);
    return q.ok ? formatQuantity(q.quantity) : `${amount}m`;
  }
  const q = parseQuantity(BigInt(amount) % 1024n === 0n ? `${amount / 1024}Ki` : String(amount));
  return q.ok ? formatQuantity(q.quantity) : String(amount);
}

export function addInto(target: ResourceList, add: ResourceList): ResourceList {
  for (const [r, v] of Object.entries(add)) target[r] = (target[r] ?? 0) + v;
  return target;
}

export function subtractInto(target: ResourceList, sub: ResourceList): ResourceList {
  for (const [r, v] of Object.entries(sub)) target[r] = (target[r] ?? 0) - v;
  return target;
}

function maxInto(target: ResourceList, other: ResourceList): void {
  for (const [r, v] of Object.entries(other)) if (v > (target[r] ?? 0)) target[r] = v;
}

/**
 * A container's requests as the API server stores them on a Pod: each limit without a request
 * becomes the request (§2.1).
 */
export function containerRequests(container: Record<string, unknown>): ResourceList {
  const lists = resourceListsOf(container);
  return { ...resourceListOf(lists.limits), ...resourceListOf(lists.requests) };
}

function containerList(spec: Record<string, unknown>, field: string): Record<string, unknown>[] {
  const list = spec[field];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/**
 * The containers' aggregate of a per-container amount (`AggregateContainerRequests`/`Limits`,
 * §2.2): the sum of the containers and sidecars, or the largest init-container phase (a classic
 * init container plus the sidecars started before it) when that is larger.
 */
function aggregateContainers(spec: Record<string, unknown>, amounts: (container: Record<string, unknown>) => ResourceList): ResourceList {
  const sum: ResourceList = {};
  for (const c of containerList(spec, 'containers')) addInto(sum, amounts(c));
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const ic of containerList(spec, 'initContainers')) {
    const own = amounts(ic);
    if (ic.restartPolicy === 'Always') {
      addInto(sum, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      maxInto(initMax, addInto({ ...own }, sidecars));
    }
  }
  maxInto(sum, initMax);
  return sum;
}

/**
 * The effective pod request used by the scheduler and ResourceQuota (§2.2): the containers'
 * aggregate, pod-level requests for cpu/memory when set, plus `spec.overhead`.
 */
export function podRequests(spec: Record<string, unknown>): ResourceList {
  const effective = aggregateContainers(spec, containerRequests);
  // Pod-level requests (`defaultPodRequests`): as written; else, for a pod-level limit, the
  // containers' aggregate where some container requests the resource, the limit otherwise.
  const podLevel = resourceListsOf(spec);
  const podLevelRequests = resourceListOf(podLevel.requests);
  for (const [r, v] of Object.entries(resourceListOf(podLevel.limits))) {
    if (!Object.hasOwn(podLevelRequests, r) && !Object.hasOwn(effective, r)) podLevelRequests[r] = v;
  }
  for (const [r, v] of Object.entries(podLevelRequests)) {
    if (r === 'cpu' || r === 'memory' || r.startsWith('hugepages-')) effective[r] = v;
  }
  addInto(effective, resourceListOf(spec.overhead));
  for (const [r, v] of Object.entries(effective)) if (v === 0) delete effective[r];
  return effective;
}

const containerLimits = (holder: Record<string, unknown>): ResourceList => resourceListOf(resourceListsOf(holder).limits);

/**
 * The pod's aggregate limits, as ResourceQuota (`limits.cpu`, §11.1) and the LimitRange `Pod` item
 * (§11.2) count them (`PodLimits`): the containers' aggregate, pod-level limits for cpu/memory/hugepages
 * when set, and `spec.overhead` added only to resources that already have a limit.
 */
export function podLimits(spec: Record<string, unknown>): ResourceList {
  const limits = aggregateContainers(spec, containerLimits);
  for (const [r, v] of Object.entries(containerLimits(spec))) {
    if (r === 'cpu' || r === 'memory' || r.startsWith('hugepages-')) limits[r] = v;
  }
  for (const [r, v] of Object.entries(resourceListOf(spec.overhead))) if (r in limits) limits[r] += v;
  return limits;
}

export type QosClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

/** The pod's QoS class (§2.3): only cpu and memory count; init containers included. */
export function qosClass(spec: Record<string, unknown>): QosClass {
  // Pod-level resources (PodLevelResources), when they set cpu or memory, decide on their own.
  const podLevel = resourceListsOf(spec);
  const podLevelLimits = resourceListOf(podLevel.limits);
  const podLevelRequests = resourceListOf(podLevel.requests);
  if (['cpu', 'memory'].some((r) => (podLevelRequests[r] ?? 0) > 0 || (podLevelLimits[r] ?? 0) > 0)) {
    // The pod's requests as the API server defaults them (podRequests), without the overhead.
    const requests = podRequests({ ...spec, overhead: undefined });
    const limited = (podLevelLimits.cpu ?? 0) > 0 && (podLevelLimits.memory ?? 0) > 0;
    return limited && requests.cpu === podLevelLimits.cpu && requests.memory === podLevelLimits.memory ? 'Guaranteed' : 'Burstable';
  }
  const containers = [...containerList(spec, 'initContainers'), ...containerList(spec, 'containers')];
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  let anySet = false;
  let allLimited = containers.length > 0;
  for (const c of containers) {
    const lists = resourceListsOf(c);
    const req = containerRequests(c);
    const lim = resourceListOf(lists.limits);
    for (const r of ['cpu', 'memory']) {
      if ((req[r] ?? 0) > 0 || (lim[r] ?? 0) > 0) anySet = true;
      if (!((lim[r] ?? 0) > 0)) allLimited = false;
      requests[r] = (requests[r] ?? 0) + (req[r] ?? 0);
      limits[r] = (limits[r] ?? 0) + (lim[r] ?? 0);
    }
  }
  if (!anySet) return 'BestEffort';
  if (allLimited && requests.cpu === limits.cpu && requests.memory === limits.memory) return 'Guaranteed';
  return 'Burstable';
}
