/**
 * Pods placed on nodes, indexed by namespace and label so that inter-pod affinity (§3.8) and
 * topology spread (§3.7) look up the pods a selector can match instead of scanning every pod.
 * Unlike the resolver's LabelIndex this one supports removal (unbind, drain what-ifs) and cloning.
 */
import { matchesSelector, type Selector } from '../../k8s/selector.js';
import type { SimPod } from '../model.js';

interface NamespaceBucket {
  all: Set<SimPod>;
  /** `key=value` → pods with that label. */
  byPair: Map<string, Set<SimPod>>;
  /** `key` → pods having the label key. */
  byKey: Map<string, Set<SimPod>>;
}

const EMPTY: ReadonlySet<SimPod> = new Set();

export class PlacedPodIndex {
  private readonly buckets: Map<string, NamespaceBucket>;

  constructor(buckets?: Map<string, NamespaceBucket>) {
    this.buckets = buckets ?? new Map();
  }

  add(pod: SimPod): void {
    let bucket = this.buckets.get(pod.namespace);
    if (!bucket) {
      bucket = { all: new Set(), byPair: new Map(), byKey: new Map() };
      this.buckets.set(pod.namespace, bucket);
    }
    bucket.all.add(pod);
    for (const [k, v] of Object.entries(pod.labels)) {
      addTo(bucket.byPair, `${k}=${v}`, pod);
      addTo(bucket.byKey, k, pod);
    }
  }

  remove(pod: SimPod): void {
    const bucket = this.buckets.get(pod.namespace);
    if (!bucket || !bucket.all.delete(pod)) return;
    for (const [k, v] of Object.entries(pod.labels)) {
      bucket.byPair.get(`${k}=${v}`)?.delete(pod);
      bucket.byKey.get(k)?.delete(pod);
    }
  }

  /** Namespaces that hold at least one placed pod (for `namespaceSelector` terms). */
  namespaces(): IterableIterator<string> {
    return this.buckets.keys();
  }

  /** Calls `visit` for each placed pod in `namespace` whose labels match `selector`. */
  forEachMatching(namespace: string, selector: Selector, visit: (pod: SimPod) => void): void {
    const bucket = this.buckets.get(namespace);
    if (!bucket) return;
    let candidates: ReadonlySet<SimPod> = bucket.all;
    const consider = (set: ReadonlySet<SimPod> | undefined): void => {
      const s = set ?? EMPTY;
      if (s.size < candidates.size) candidates = s;
    };
    for (const [k, v] of Object.entries(selector.matchLabels)) consider(bucket.byPair.get(`${k}=${v}`));
    for (const e of selector.matchExpressions) {
      if (e.operator === 'Exists') consider(bucket.byKey.get(e.key));
      else if (e.operator === 'In' && e.values?.length === 1) consider(bucket.byPair.get(`${e.key}=${e.values[0]}`));
      else if (e.operator === 'In') {
        // Several values: the union is only worth building when it is smaller than the current candidates.
        let size = 0;
        for (const v of e.values ?? []) size += bucket.byPair.get(`${e.key}=${v}`)?.size ?? 0;
        if (size < candidates.size) {
          const union = new Set<SimPod>();
          for (const v of e.values ?? []) for (const p of bucket.byPair.get(`${e.key}=${v}`) ?? EMPTY) union.add(p);
          candidates = union;
        }
      }
    }
    for (const pod of candidates) if (matchesSelector(selector, pod.labels)) visit(pod);
  }

  clone(): PlacedPodIndex {
    const copy = new Map<string, NamespaceBucket>();
    for (const [ns, b] of this.buckets) {
      copy.set(ns, { all: new Set(b.all), byPair: copySets(b.byPair), byKey: copySets(b.byKey) });
    }
    return new PlacedPodIndex(copy);
  }
}

function addTo(map: Map<string, Set<SimPod>>, key: string, pod: SimPod): void {
  const set = map.get(key);
  if (set) set.add(pod);
  else map.set(key, new Set([pod]));
}

function copySets(map: Map<string, Set<SimPod>>): Map<string, Set<SimPod>> {
  const out = new Map<string, Set<SimPod>>();
  for (const [k, s] of map) if (s.size > 0) out.set(k, new Set(s));
  return out;
}
