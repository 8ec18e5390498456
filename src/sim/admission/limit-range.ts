/**
 * The LimitRanger admission plugin on a new pod (§11.2; `kubernetes/kubernetes:
 * plugin/pkg/admission/limitranger/admission.go (mergeContainerResources, PodValidateLimitFunc,
 * minConstraint, maxConstraint, limitRequestRatioConstraint)`).
 *
 * Mutating: containers and init containers get the `default` limit and the `defaultRequest` of the
 * LimitRanges of their namespace for each resource they leave unset (after requests were
 * defaulted from limits, §2.1). The item defaulting of `SetDefaults_LimitRangeItem` (default ←
 * max, defaultRequest ← default ← min) and "first LimitRange to set a default wins" come from
 * `containerDefaults` of src/k8s/limit-range.ts.
 *
 * Validating: per LimitRange, per item: `Container` items check `min`, `max` and
 * `maxLimitRequestRatio` on every container (then every init container), `Pod` items on the pod's
 * totals, with Kubernetes' messages. Comparisons are exact at milli precision, as
 * `requestLimitEnforcedValues` does. A request left above its limit by defaulting fails API
 * validation (§11.2 step 5) and is reported too.
 *
 * Which LimitRanges govern a pod: those `limitRangeGoverns` accepts for the pod's owner (same
 * namespace; both explicit, or the same directory) — the same choice the rules make.
 */
import { isSet, resourceListsOf } from '../../k8s/container-resources.js';
import { containerDefaults, limitRangeGoverns, type ContainerDefaults } from '../../k8s/limit-range.js';
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { ResourceList, SimPod } from '../model.js';
import { formatAmount, podLimits, podRequests } from '../resources.js';
import { memoObserved, type Observed } from './quantity-memo.js';

export type LimitRangeConstraint = 'min' | 'max' | 'maxLimitRequestRatio' | 'requestAboveLimit';

/** One container (or pod total) outside a LimitRange, or made invalid by its defaults. */
export interface LimitRangeViolation {
  constraint: LimitRangeConstraint;
  /** The LimitRange item type: `Container` or `Pod`. */
  type: 'Container' | 'Pod';
  resource: string;
  /**
   * Kubernetes' wording: `maximum cpu usage per Container is 2, but limit is 4`; for
   * `requestAboveLimit` the API validation error
   * `spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1`.
   */
  message: string;
  /** The LimitRange whose entry is violated (for `requestAboveLimit`: whose default caused it). */
  limitRange: Manifest;
  /** Path of the `min`/`max`/`maxLimitRequestRatio` entry (or of the default) in the LimitRange. */
  limitPath: JsonPath;
  /** Path in the owner manifest of the value at fault (a container's request or limit), or of the containers for a `Pod` item. */
  path: JsonPath;
  /** The container concerned (Container items and `requestAboveLimit`). */
  container?: string;
  /** Set when the value at fault was not written in the template but given by a LimitRange default. */
  defaultedBy?: { manifest: Manifest; path: JsonPath };
}

interface Governing {
  limitRanges: Manifest[];
  defaults: ContainerDefaults<Manifest>;
}

/** Per list of LimitRanges, per owner: every pod of a workload is governed alike, so this is worked out once. */
const governingCache = new WeakMap<readonly Manifest[], WeakMap<Manifest, Governing>>();

function governing(pod: SimPod, limitRanges: readonly Manifest[]): Governing {
  let byOwner = governingCache.get(limitRanges);
  if (!byOwner) governingCache.set(limitRanges, (byOwner = new WeakMap()));
  const owner = pod.owner.manifest;
  let found = byOwner.get(owner);
  if (!found) {
    const list = limitRanges.filter((lr) => lr.ref.kind === 'LimitRange' && limitRangeGoverns(lr, owner));
    byOwner.set(owner, (found = { limitRanges: list, defaults: containerDefaults(list) }));
  }
  return found;
}

/** The LimitRanges that govern a pod, in input order. */
export function governingLimitRanges(pod: SimPod, limitRanges: readonly Manifest[]): Manifest[] {
  return governing(pod, limitRanges).limitRanges;
}

interface PodContainer {
  container: Record<string, unknown>;
  list: 'containers' | 'initContainers';
  index: number;
  name: string;
}

/** Containers then init containers, the order the LimitRanger visits them. */
function podContainers(spec: Record<string, unknown>): PodContainer[] {
  const out: PodContainer[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, index) => {
      if (isRecord(c)) out.push({ container: c, list, index, name: typeof c.name === 'string' ? c.name : `#${index}` });
    });
  }
  return out;
}

/** The `resources.requests` / `resources.limits` maps of a container, created when absent; undefined when malformed. */
function writableLists(container: Record<string, unknown>): { requests: Record<string, unknown>; limits: Record<string, unknown> } | undefined {
  if (container.resources === undefined || container.resources === null) container.resources = {};
  const resources = container.resources;
  if (!isRecord(resources)) return undefined;
  for (const field of ['requests', 'limits']) {
    if (resources[field] === undefined || resources[field] === null) resources[field] = {};
  }
  if (!isRecord(resources.requests) || !isRecord(resources.limits)) return undefined;
  return { requests: resources.requests, limits: resources.limits };
}

export interface AppliedDefault {
  container: string;
  resource: string;
  field: 'requests' | 'limits';
  manifest: Manifest;
  path: JsonPath;
}

/**
 * The mutating LimitRanger (§11.2 steps 1–2): writes default limits and requests into the pod's
 * containers (`pod.spec` is the pod's own copy), then recomputes `pod.requests` (§2.2).
 * Returns what it set, like the `kubernetes.io/limit-ranger` annotation would.
 */
export function applyLimitRangeDefaults(pod: SimPod, limitRanges: readonly Manifest[]): AppliedDefault[] {
  const { defaults } = governing(pod, limitRanges);
  if (defaults.limits.size === 0 && defaults.requests.size === 0) return [];
  const applied: AppliedDefault[] = [];
  for (const c of podContainers(pod.spec)) {
    const lists = writableLists(c.container);
    if (!lists) continue;
    // §2.1 first (idempotent: the controllers' defaulting already did it on SimPods they build).
    for (const [r, v] of Object.entries(lists.limits)) if (isSet(lists.limits, r) && !isSet(lists.requests, r)) lists.requests[r] = v;
    for (const [field, map] of [
      ['limits', defaults.limits],
      ['requests', defaults.requests],
    ] as const) {
      for (const [r, d] of map) {
        if (isSet(lists[field], r)) continue;
        lists[field][r] = d.value;
        applied.push({ container: c.name, resource: r, field, manifest: d.source, path: d.path });
      }
    }
  }
  if (applied.length > 0) pod.requests = podRequests(pod.spec);
  return applied;
}

const observedOf = memoObserved;

/** A pod total (cpu in millicores, others in units) as an observed quantity. */
function observedAmount(resource: string, amount: number | undefined): Observed | undefined {
  if (amount === undefined) return undefined;
  return { milli: resource === 'cpu' ? BigInt(amount) : BigInt(amount) * 1000n, text: formatAmount(resource, amount) };
}

interface Found {
  constraint: Exclude<LimitRangeConstraint, 'requestAboveLimit'>;
  message: string;
  /** Which value is at fault. */
  at: 'requests' | 'limits';
}

/** `minConstraint`: a request is required and must be ≥ min; a limit, when set, too. */
function minConstraint(type: string, r: string, enforced: Observed, req?: Observed, lim?: Observed): Found | undefined {
  const head = `minimum ${r} usage per ${type} is ${enforced.text}`;
  if (!req) return { constraint: 'min', message: `${head}.  No request is specified`, at: 'requests' };
  if (req.milli < enforced.milli) return { constraint: 'min', message: `${head}, but request is ${req.text}`, at: 'requests' };
  if (lim && lim.milli < enforced.milli) return { constraint: 'min', message: `${head}, but limit is ${lim.text}`, at: 'limits' };
  return undefined;
}

/** `maxConstraint`: a limit is required and must be ≤ max; a request, when set, too. */
function maxConstraint(type: string, r: string, enforced: Observed, req?: Observed, lim?: Observed): Found | undefined {
  const head = `maximum ${r} usage per ${type} is ${enforced.text}`;
  if (!lim) return { constraint: 'max', message: `${head}.  No limit is specified`, at: 'limits' };
  if (lim.milli > enforced.milli) return { constraint: 'max', message: `${head}, but limit is ${lim.text}`, at: 'limits' };
  if (req && req.milli > enforced.milli) return { constraint: 'max', message: `${head}, but request is ${req.text}`, at: 'requests' };
  return undefined;
}

/** `limitRequestRatioConstraint`: limit / request ≤ ratio, both non-zero; the ratio printed with Go's `%f`. */
function ratioConstraint(type: string, r: string, enforced: Observed, req?: Observed, lim?: Observed): Found | undefined {
  const head = `${r} max limit to request ratio per ${type} is ${enforced.text}`;
  if (!req || req.milli === 0n) return { constraint: 'maxLimitRequestRatio', message: `${head}, but no request is specified or request is 0`, at: 'requests' };
  if (!lim || lim.milli === 0n) return { constraint: 'maxLimitRequestRatio', message: `${head}, but no limit is specified or limit is 0`, at: 'limits' };
  const ratio = Number(lim.milli) / Number(req.milli);
  if (ratio * 1000 > Number(enforced.milli)) {
    return { constraint: 'maxLimitRequestRatio', message: `${head}, but provided ratio is ${ratio.toFixed(6)}`, at: 'limits' };
  }
  return undefined;
}

const CONSTRAINTS = [
  ['min', minConstraint],
  ['max', maxConstraint],
  ['maxLimitRequestRatio', ratioConstraint],
] as const;

/** The template's own container (same list and index as the pod's), to tell written values from defaulted ones. */
function templateContainer(pod: SimPod, c: PodContainer): Record<string, unknown> {
  const list = pod.template.spec[c.list];
  const found = Array.isArray(list) ? list[c.index] : undefined;
  return isRecord(found) ? found : {};
}

interface ContainerSite {
  pod: SimPod;
  c: PodContainer;
  defaults: ContainerDefaults<Manifest>;
}

/** Path in the owner manifest of a container's request or limit; a request defaulted from the limit (§2.1) points at the limit. */
function valuePath(site: ContainerSite, field: 'requests' | 'limits', r: string): JsonPath {
  const base = [...site.pod.template.specPath, site.c.list, site.c.index, 'resources'];
  if (field === 'requests') {
    const own = resourceListsOf(templateContainer(site.pod, site.c));
    if (!isSet(own.requests, r) && isSet(own.limits, r)) return [...base, 'limits', r];
  }
  return [...base, field, r];
}

/** The LimitRange default that set a container's value, when the template does not write it. */
function defaultedBy(site: ContainerSite, field: 'requests' | 'limits', r: string): { manifest: Manifest; path: JsonPath } | undefined {
  const own = resourceListsOf(templateContainer(site.pod, site.c));
  const written = field === 'limits' ? isSet(own.limits, r) : isSet(own.requests, r) || isSet(own.limits, r);
  if (written) return undefined;
  const d = (field === 'limits' ? site.defaults.limits : site.defaults.requests).get(r);
  return d ? { manifest: d.source, path: d.path } : undefined;
}

/** §11.2 step 5: a request above its limit after defaulting fails API validation (`ValidateResourceRequirements`). */
function requestAboveLimit(site: ContainerSite): LimitRangeViolation[] {
  const out: LimitRangeViolation[] = [];
  const lists = resourceListsOf(site.c.container);
  for (const [r, rawLimit] of Object.entries(lists.limits)) {
    const req = observedOf(lists.requests[r]);
    const lim = observedOf(rawLimit);
    if (!req || !lim || req.milli <= lim.milli) continue;
    const cause = defaultedBy(site, 'limits', r) ?? defaultedBy(site, 'requests', r);
    if (!cause) continue; // written that way in the template: schema validation rejects the workload itself
    out.push({
      constraint: 'requestAboveLimit',
      type: 'Container',
      resource: r,
      message: `spec.${site.c.list}[${site.c.index}].resources.requests[${r}]: Invalid value: "${req.text}": must be less than or equal to ${r} limit of ${lim.text}`,
      limitRange: cause.manifest,
      limitPath: cause.path,
      path: valuePath(site, defaultedBy(site, 'limits', r) ? 'requests' : 'limits', r),
      container: site.c.name,
      defaultedBy: cause,
    });
  }
  return out;
}

function entries(item: Record<string, unknown>, field: string): [string, Observed][] {
  const map = item[field];
  if (!isRecord(map)) return [];
  const out: [string, Observed][] = [];
  for (const [r, raw] of Object.entries(map)) {
    const o = observedOf(raw);
    if (o) out.push([r, o]);
  }
  return out;
}

/**
 * The validating LimitRanger (§11.2 step 4) on a pod after `applyLimitRangeDefaults`, plus the
 * request-above-limit validation error defaulting can cause (step 5, listed first: API validation
 * runs before validating admission). Any violation rejects the pod.
 */
export function checkLimitRange(pod: SimPod, limitRanges: readonly Manifest[]): LimitRangeViolation[] {
  const { limitRanges: governingList, defaults } = governing(pod, limitRanges);
  if (governingList.length === 0) return [];
  const sites: ContainerSite[] = podContainers(pod.spec).map((c) => ({ pod, c, defaults }));
  const out: LimitRangeViolation[] = sites.flatMap(requestAboveLimit);
  let totals: { requests: ResourceList; limits: ResourceList } | undefined;
  for (const lr of governingList) {
    const spec = lr.object.spec;
    if (!isRecord(spec) || !Array.isArray(spec.limits)) continue;
    spec.limits.forEach((item, i) => {
      if (!isRecord(item) || (item.type !== 'Container' && item.type !== 'Pod')) return;
      const type = item.type;
      const checks = CONSTRAINTS.flatMap(([field, check]) =>
        entries(item, field).map(([r, enforced]) => ({ check, r, enforced, limitPath: ['spec', 'limits', i, field, r] as JsonPath })),
      );
      if (checks.length === 0) return;
      if (type === 'Container') {
        // Per container: its min entries, then max, then maxLimitRequestRatio (PodValidateLimitFunc).
        for (const site of sites) {
          const lists = resourceListsOf(site.c.container);
          for (const { check, r, enforced, limitPath } of checks) {
            const found = check(type, r, enforced, observedOf(lists.requests[r]), observedOf(lists.limits[r]));
            if (!found) continue;
            const by = defaultedBy(site, found.at, r);
            out.push({
              constraint: found.constraint,
              type,
              resource: r,
              message: found.message,
              limitRange: lr,
              limitPath,
              path: valuePath(site, found.at, r),
              container: site.c.name,
              ...(by ? { defaultedBy: by } : {}),
            });
          }
        }
        return;
      }
      totals ??= { requests: podRequests(pod.spec), limits: podLimits(pod.spec) };
      for (const { check, r, enforced, limitPath } of checks) {
        const found = check(type, r, enforced, observedAmount(r, totals.requests[r]), observedAmount(r, totals.limits[r]));
        if (!found) continue;
        out.push({
          constraint: found.constraint,
          type,
          resource: r,
          message: found.message,
          limitRange: lr,
          limitPath,
          path: [...pod.template.specPath, 'containers'],
        });
      }
    });
  }
  return out;
}
