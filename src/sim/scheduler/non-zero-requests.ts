/**
 * The requests the scoring plugins use (§3.11): a container (init or regular) without a cpu
 * request counts as 100m and without a memory request as 200Mi
 * (`pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest, DefaultMemoryRequest`), then the
 * containers aggregate as in §2.2. Filters never use these: they use `pod.requests`.
 */
import { resourceListsOf } from '../../k8s/container-resources.js';
import { isRecord } from '../../k8s/values.js';
import { podRequests } from '../resources.js';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface NonZeroRequests {
  cpu: number;
  memory: number;
}

const cache = new WeakMap<Record<string, unknown>, NonZeroRequests>();

function withDefaults(container: unknown): unknown {
  if (!isRecord(container)) return container;
  const lists = resourceListsOf(container);
  const has = (r: string): boolean => lists.requests[r] !== undefined || lists.limits[r] !== undefined;
  const requests: Record<string, unknown> = { ...lists.requests };
  if (!has('cpu')) requests.cpu = `${DEFAULT_MILLI_CPU_REQUEST}m`;
  if (!has('memory')) requests.memory = String(DEFAULT_MEMORY_REQUEST);
  const resources = isRecord(container.resources) ? container.resources : {};
  return { ...container, resources: { ...resources, requests } };
}

export function nonZeroRequests(spec: Record<string, unknown>): NonZeroRequests {
  const cached = cache.get(spec);
  if (cached) return cached;
  const defaulted: Record<string, unknown> = { ...spec };
  if (Array.isArray(spec.containers)) defaulted.containers = spec.containers.map(withDefaults);
  if (Array.isArray(spec.initContainers)) defaulted.initContainers = spec.initContainers.map(withDefaults);
  const req = podRequests(defaulted);
  const out = { cpu: req.cpu ?? 0, memory: req.memory ?? 0 };
  cache.set(spec, out);
  return out;
}
