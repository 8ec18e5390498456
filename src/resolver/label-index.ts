import { matchesSelector, type Labels, type Selector } from '../k8s/selector.js';

interface Bucket<T> {
  all: { item: T; labels: Labels }[];
  byPair: Map<string, { item: T; labels: Labels }[]>;
  byKey: Map<string, { item: T; labels: Labels }[]>;
}

/**
 * Labels → items, per namespace. A query starts from the smallest candidate list its selector
 * allows (an equality pair, an `In` set or an `Exists` key) and filters that, so selector queries
 * stay fast on large inputs instead of scanning every object.
 */
export class LabelIndex<T> {
  private readonly namespaces = new Map<string, Bucket<T>>();

  add(namespace: string, labels: Labels, item: T): void {
    let bucket = this.namespaces.get(namespace);
    if (!bucket) {
      bucket = { all: [], byPair: new Map(), byKey: new Map() };
      this.namespaces.set(namespace, bucket);
    }
    const entry = { item, labels };
    bucket.all.push(entry);
    for (const [k, v] of Object.entries(labels)) {
      push(bucket.byPair, `${k}=${v}`, entry);
      push(bucket.byKey, k, entry);
    }
  }

  /** Items in `namespace` whose labels match `selector` (an empty selector matches all). */
  query(namespace: string, selector: Selector): T[] {
    const bucket = this.namespaces.get(namespace);
    if (!bucket) return [];
    let candidates = bucket.all;
    const consider = (list: { item: T; labels: Labels }[]): void => {
      if (list.length < candidates.length) candidates = list;
    };
    for (const [k, v] of Object.entries(selector.matchLabels)) consider(bucket.byPair.get(`${k}=${v}`) ?? []);
    for (const e of selector.matchExpressions) {
      if (e.operator === 'Exists') consider(bucket.byKey.get(e.key) ?? []);
      else if (e.operator === 'In') {
        const union = (e.values ?? []).flatMap((v) => bucket.byPair.get(`${e.key}=${v}`) ?? []);
        consider(union);
      }
    }
    const out: T[] = [];
    const seen = new Set<{ item: T; labels: Labels }>();
    for (const entry of candidates) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      if (matchesSelector(selector, entry.labels)) out.push(entry.item);
    }
    return out;
  }

  namespacesWithItems(): string[] {
    return [...this.namespaces.keys()];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
