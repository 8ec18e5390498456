/**
 * Read access to `resources.requests` / `resources.limits` of a container (or of a pod spec, for
 * pod-level resources), tolerant of any YAML shape.
 */
import type { JsonPath } from '../resolver/source-map.js';
import { isRecord } from './values.js';

export interface ResourceLists {
  /** `resources.requests` when it is a map, else empty. */
  requests: Record<string, unknown>;
  /** `resources.limits` when it is a map, else empty. */
  limits: Record<string, unknown>;
  /** Which keys are present at all (whatever their value). */
  hasResources: boolean;
  hasRequests: boolean;
  hasLimits: boolean;
}

/** The resource lists of an object holding a `resources` field (a container, or a pod spec). */
export function resourceListsOf(holder: Record<string, unknown>): ResourceLists {
  const resources = holder.resources;
  const hasResources = Object.hasOwn(holder, 'resources');
  if (!isRecord(resources)) return { requests: {}, limits: {}, hasResources, hasRequests: false, hasLimits: false };
  return {
    requests: isRecord(resources.requests) ? resources.requests : {},
    limits: isRecord(resources.limits) ? resources.limits : {},
    hasResources,
    hasRequests: Object.hasOwn(resources, 'requests'),
    hasLimits: Object.hasOwn(resources, 'limits'),
  };
}

/** True when the list sets the resource to a value (a `null` value is not a setting). */
export function isSet(list: Record<string, unknown>, resource: string): boolean {
  return Object.hasOwn(list, resource) && list[resource] !== null && list[resource] !== undefined;
}

/**
 * Where a finding about a missing entry of `resources.<field>` should point, for the object at
 * `holderPath`: the `<field>` key when present, else the `resources` key, else `fallback`.
 */
export function resourcesPointer(
  lists: ResourceLists,
  holderPath: JsonPath,
  field: 'requests' | 'limits',
  fallback: JsonPath,
): { path: JsonPath; part?: 'key' } {
  const present = field === 'requests' ? lists.hasRequests : lists.hasLimits;
  if (present) return { path: [...holderPath, 'resources', field], part: 'key' };
  if (lists.hasResources) return { path: [...holderPath, 'resources'], part: 'key' };
  return { path: fallback };
}
