/**
 * The defaults a LimitRange gives containers at admission, see section 11.2 of
 * docs/k8s-semantics.md (`pkg/apis/core/v1/defaults.go (SetDefaults_LimitRangeItem)` and the
 * LimitRanger admission plugin).
 *
 * For an item of `type: Container`: the default limit of a resource is `default[r]`, else `max[r]`;
 * the default request is `defaultRequest[r]`, else the default limit, else `min[r]`. With several
 * items or LimitRanges in a namespace, the first one (in input order) that sets a default wins.
 */
import type { JsonPath } from '../resolver/source-map.js';
import { isRecord } from './values.js';

/** Where a default value comes from: the LimitRange object and the path of the value in it. */
export interface LimitRangeDefault<M> {
  source: M;
  path: JsonPath;
  value: unknown;
}

export interface ContainerDefaults<M> {
  /** Resource name → default limit. */
  limits: Map<string, LimitRangeDefault<M>>;
  /** Resource name → default request. */
  requests: Map<string, LimitRangeDefault<M>>;
}

const hasValue = (v: unknown): boolean => v !== undefined && v !== null;

/** The container defaults of LimitRange objects of one namespace, in input order. */
export function containerDefaults<M extends { object: Record<string, unknown> }>(limitRanges: readonly M[]): ContainerDefaults<M> {
  const out: ContainerDefaults<M> = { limits: new Map(), requests: new Map() };
  for (const lr of limitRanges) {
    const spec = lr.object.spec;
    if (!isRecord(spec) || !Array.isArray(spec.limits)) continue;
    spec.limits.forEach((item, i) => {
      if (!isRecord(item) || item.type !== 'Container') return;
      const field = (name: string): Record<string, unknown> => (isRecord(item[name]) ? (item[name] as Record<string, unknown>) : {});
      const at = (name: string, resource: string): LimitRangeDefault<M> => ({
        source: lr,
        path: ['spec', 'limits', i, name, resource],
        value: field(name)[resource],
      });
      // The item's own defaulting first (default ← max; defaultRequest ← default ← min) ...
      const itemLimits = new Map<string, LimitRangeDefault<M>>();
      for (const name of ['default', 'max']) {
        for (const [r, v] of Object.entries(field(name))) if (hasValue(v) && !itemLimits.has(r)) itemLimits.set(r, at(name, r));
      }
      const itemRequests = new Map<string, LimitRangeDefault<M>>();
      for (const [r, v] of Object.entries(field('defaultRequest'))) if (hasValue(v)) itemRequests.set(r, at('defaultRequest', r));
      for (const [r, d] of itemLimits) if (!itemRequests.has(r)) itemRequests.set(r, d);
      for (const [r, v] of Object.entries(field('min'))) if (hasValue(v) && !itemRequests.has(r)) itemRequests.set(r, at('min', r));
      // ... then the first item that sets a default wins.
      for (const [r, d] of itemLimits) if (!out.limits.has(r)) out.limits.set(r, d);
      for (const [r, d] of itemRequests) if (!out.requests.has(r)) out.requests.set(r, d);
    });
  }
  return out;
}

interface Scoped {
  object: Record<string, unknown> & { metadata?: unknown };
  ref: { namespace?: string };
  source: { file: string };
}

const explicitNamespace = (m: Scoped): string | undefined => {
  const meta = m.object.metadata;
  const ns = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).namespace : undefined;
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
};

const directoryOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/**
 * Whether a LimitRange of the input governs a workload: same namespace, and either both name that
 * namespace explicitly or they sit in the same directory. Objects without a namespace are deployed
 * to whatever namespace `kubectl -n` names, so a LimitRange elsewhere in a large input (a monorepo
 * of unrelated apps) is not assumed to govern them.
 */
export function limitRangeGoverns(limitRange: Scoped, workload: Scoped): boolean {
  if (limitRange.ref.namespace !== workload.ref.namespace) return false;
  if (explicitNamespace(limitRange) !== undefined && explicitNamespace(workload) !== undefined) return true;
  return directoryOf(limitRange.source.file) === directoryOf(workload.source.file);
}

/** The container defaults that apply to a workload, from the LimitRange objects of the input (cached per namespace and directory). */
export function containerDefaultsLookup<M extends Scoped>(limitRanges: readonly M[]): (workload: Scoped) => ContainerDefaults<M> {
  const cache = new Map<string, ContainerDefaults<M>>();
  return (workload) => {
    const key = `${workload.ref.namespace ?? ''}\u0000${explicitNamespace(workload) !== undefined}\u0000${directoryOf(workload.source.file)}`;
    let d = cache.get(key);
    if (!d) {
      d = containerDefaults(limitRanges.filter((lr) => limitRangeGoverns(lr, workload)));
      cache.set(key, d);
    }
    return d;
  };
}
