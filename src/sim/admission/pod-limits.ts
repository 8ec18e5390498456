/**
 * The pod's aggregate limits, as ResourceQuota (`limits.cpu`, `limits.memory`, §11.1) and the
 * LimitRange `Pod` item (§11.2) count them: the limit counterpart of the effective request of
 * §2.2 (`kubernetes/component-helpers: resource/helpers.go (PodLimits, AggregateContainerLimits)`).
 *
 * Sum of the containers' limits (sidecars included), at least the largest init-container phase,
 * pod-level limits for cpu/memory/hugepages when set, and `spec.overhead` added only to resources
 * that already have a limit.
 */
import { resourceListsOf } from '../../k8s/container-resources.js';
import { isRecord } from '../../k8s/values.js';
import type { ResourceList } from '../model.js';
import { addInto, resourceListOf } from '../resources.js';

function containerList(spec: Record<string, unknown>, field: string): Record<string, unknown>[] {
  const list = spec[field];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

const limitsOf = (holder: Record<string, unknown>): ResourceList => resourceListOf(resourceListsOf(holder).limits);

function maxInto(target: ResourceList, other: ResourceList): void {
  for (const [r, v] of Object.entries(other)) if (v > (target[r] ?? 0)) target[r] = v;
}

/** The pod's limits per resource (same units as `podRequests`); resources no container limits are absent. */
export function podLimits(spec: Record<string, unknown>): ResourceList {
  const limits: ResourceList = {};
  for (const c of containerList(spec, 'containers')) addInto(limits, limitsOf(c));
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const ic of containerList(spec, 'initContainers')) {
    const own = limitsOf(ic);
    if (ic.restartPolicy === 'Always') {
      addInto(limits, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      maxInto(initMax, addInto({ ...own }, sidecars));
    }
  }
  maxInto(limits, initMax);
  for (const [r, v] of Object.entries(limitsOf(spec))) {
    if (r === 'cpu' || r === 'memory' || r.startsWith('hugepages-')) limits[r] = v;
  }
  for (const [r, v] of Object.entries(resourceListOf(spec.overhead))) if (r in limits) limits[r] += v;
  return limits;
}
