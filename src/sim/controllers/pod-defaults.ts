/**
 * The API server's defaulting of a Pod created from a template: requests defaulted from limits
 * per container (§2.1), `serviceAccountName` (§0 step 2, ServiceAccount admission) and the pod and
 * container defaults of §12.3 (`kubernetes/kubernetes: pkg/apis/core/v1/defaults.go
 * (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container)`).
 *
 * Works on a deep copy; never changes the input manifest.
 */
import { isSet } from '../../k8s/container-resources.js';
import { parseImageRef } from '../../k8s/image-ref.js';
import { isRecord } from '../../k8s/values.js';
import type { ResourceList } from '../model.js';
import { podRequests } from '../resources.js';

/** Pod spec fields the API server fills in when absent (§12.3). */
const POD_SPEC_DEFAULTS: Readonly<Record<string, unknown>> = {
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  terminationGracePeriodSeconds: 30,
  enableServiceLinks: true,
};

const CONTAINER_LISTS = ['initContainers', 'containers'] as const;

const isAbsent = (v: unknown): boolean => v === undefined || v === null;

/** A deep copy of a template's pod spec with the API defaults of a new Pod applied. */
export function defaultedPodSpec(templateSpec: Record<string, unknown>): Record<string, unknown> {
  const spec = copyValue(templateSpec);
  for (const [field, value] of Object.entries(POD_SPEC_DEFAULTS)) if (isAbsent(spec[field])) spec[field] = value;
  // The deprecated `serviceAccount` fills `serviceAccountName`; ServiceAccount admission sets `default`.
  if (typeof spec.serviceAccountName !== 'string' || spec.serviceAccountName === '') {
    spec.serviceAccountName = typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : 'default';
  }
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const c of containers) if (isRecord(c)) defaultContainer(c);
  }
  return spec;
}

function defaultContainer(container: Record<string, unknown>): void {
  defaultRequestsFromLimits(container);
  if (isAbsent(container.imagePullPolicy) && typeof container.image === 'string') {
    // `Always` for `:latest` or no tag (without a digest), else `IfNotPresent` (§12.3).
    const ref = parseImageRef(container.image);
    const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : '');
    container.imagePullPolicy = tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (isAbsent(container.terminationMessagePath)) container.terminationMessagePath = '/dev/termination-log';
  if (isAbsent(container.terminationMessagePolicy)) container.terminationMessagePolicy = 'File';
}

/** §2.1: each `limits[r]` without `requests[r]` becomes the request, written into the copy. */
function defaultRequestsFromLimits(container: Record<string, unknown>): void {
  const resources = container.resources;
  if (!isRecord(resources) || !isRecord(resources.limits)) return;
  if (isAbsent(resources.requests)) resources.requests = {};
  const requests = resources.requests;
  if (!isRecord(requests)) return; // malformed: other rules report it
  for (const [resource, limit] of Object.entries(resources.limits)) {
    if (isSet(resources.limits, resource) && !isSet(requests, resource)) requests[resource] = limit;
  }
}

/**
 * A template's pod spec defaulted once, handing out a fresh copy per pod: pods of one template share
 * their effective request (§2.2), and each pod's spec can be changed without touching the others.
 */
export class DefaultedTemplate {
  readonly spec: Record<string, unknown>;
  readonly requests: ResourceList;

  constructor(templateSpec: Record<string, unknown>) {
    this.spec = defaultedPodSpec(templateSpec);
    this.requests = podRequests(this.spec);
  }

  copy(): Record<string, unknown> {
    return copyValue(this.spec);
  }
}

/** A deep copy of plain YAML data (mappings, lists, scalars); other objects are shared. */
function copyValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyValue) as T;
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copyValue(value[key]);
    return out as T;
  }
  return value;
}
