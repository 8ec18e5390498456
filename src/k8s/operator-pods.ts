/**
 * Pods the input does not template but an operator creates: operators turn a custom resource
 * (a `Prometheus`, a `Kafka`, a `SandboxTemplate`) into StatefulSets or pods, and give those pods
 * the custom resource's own labels or the labels of a pod template embedded in its spec
 * (`spec.podTemplate.metadata.labels`, `spec.podMetadata.labels`, `spec.podLabels`…). A selector
 * that matches no pod template but matches such labels most likely selects operator-made pods, so
 * selector rules stay silent on it rather than report a false "matches nothing".
 */
import { LabelIndex } from '../resolver/label-index.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import { kindInfo } from './kinds.js';
import { labelsOf, type Selector } from './selector.js';
import { isRecord } from './values.js';

/** How deep into a custom resource's spec embedded labels are looked for. */
const MAX_DEPTH = 8;
/** Keys whose value is a label map given to created pods. */
const LABEL_KEYS = /^(pod|common)?labels$/i;
/** Keys whose value is object metadata (`metadata`, `podMetadata`) that may carry labels. */
const METADATA_KEYS = /metadata$/i;

const indexes = new WeakMap<ObjectGraph, LabelIndex<Manifest>>();

/**
 * Custom resources in `namespace` whose labels, or the labels of a pod template in their spec,
 * match `selector` (an empty selector: every custom resource of the namespace).
 */
export function customResourcesSelected(graph: ObjectGraph, namespace: string, selector: Selector): Manifest[] {
  let index = indexes.get(graph);
  if (!index) {
    index = buildIndex(graph);
    indexes.set(graph, index);
  }
  return [...new Set(index.query(namespace, selector))];
}

function buildIndex(graph: ObjectGraph): LabelIndex<Manifest> {
  const index = new LabelIndex<Manifest>();
  for (const m of graph.manifests) {
    if (kindInfo(m.ref.group, m.ref.kind) !== undefined) continue;
    const namespace = m.ref.namespace ?? '';
    index.add(namespace, labelsOf(m.object.metadata.labels), m);
    for (const labels of embeddedLabels(m.object.spec, 0)) index.add(namespace, labels, m);
  }
  return index;
}

function* embeddedLabels(value: unknown, depth: number): Generator<Record<string, string>> {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value) yield* embeddedLabels(v, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (!isRecord(v)) {
      if (Array.isArray(v)) yield* embeddedLabels(v, depth + 1);
      continue;
    }
    if (LABEL_KEYS.test(key)) yield labelsOf(v);
    else if (METADATA_KEYS.test(key) && isRecord(v.labels)) yield labelsOf(v.labels);
    yield* embeddedLabels(v, depth + 1);
  }
}
