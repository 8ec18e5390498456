/**
 * Adoption of orphan pods (§4.3): a ReplicaSet or ReplicationController adopts the pods matching its
 * selector that have no controller ownerReference, and creates only `replicas − adopted` pods. SIM:
 * bare Pods of the input are such orphans; each is adopted by the first matching controller in
 * input order. Selector queries go through the graph's label index.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { isEmptySelector, labelsOf, parseLabelSelector, selectorFromMap, type Selector } from '../../k8s/selector.js';
import { isRecord } from '../../k8s/values.js';
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';

export interface Adoptions {
  /** Bare Pod → the ReplicaSet/ReplicationController that adopts it. */
  byPod: ReadonlyMap<Manifest, Manifest>;
  /** Controller → the bare Pods it adopts, in input order. */
  byController: ReadonlyMap<Manifest, readonly Manifest[]>;
}

/** Kinds that adopt orphans by selector and are handled here (core group and apps/extensions). */
const ADOPTERS: readonly { kind: string; groups: readonly string[] }[] = [
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'] },
  { kind: 'ReplicationController', groups: [''] },
];

/** The selector a ReplicaSet (label selector) or ReplicationController (map, defaulting to the template labels) uses. */
export function controllerSelector(manifest: Manifest): Selector | undefined {
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  if (manifest.ref.kind === 'ReplicationController') {
    const template = podTemplateOf(manifest.object);
    return selectorFromMap(spec.selector ?? template?.metadata.labels);
  }
  const parsed = parseLabelSelector(spec.selector);
  return parsed.ok ? parsed.selector : undefined;
}

function hasController(pod: Manifest): boolean {
  const refs = pod.object.metadata.ownerReferences;
  return Array.isArray(refs) && refs.some((r) => isRecord(r) && r.controller === true);
}

export function findAdoptions(graph: ObjectGraph): Adoptions {
  const byPod = new Map<Manifest, Manifest>();
  const byController = new Map<Manifest, Manifest[]>();
  const adopters = ADOPTERS.flatMap(({ kind, groups }) => graph.ofKind(kind).filter((m) => groups.includes(m.ref.group)));
  adopters.sort((a, b) => a.index - b.index);
  for (const controller of adopters) {
    if (!podTemplateOf(controller.object)) continue; // rejected by the API server: never exists
    const selector = controllerSelector(controller);
    if (!selector || isEmptySelector(selector)) continue; // invalid: other rules report it
    const namespace = controller.ref.namespace ?? 'default';
    const pods = graph
      .select(namespace, selector, 'Pod')
      .filter((p) => p.ref.group === '' && !byPod.has(p) && !hasController(p) && Object.keys(labelsOf(p.object.metadata.labels)).length > 0)
      .sort((a, b) => a.index - b.index);
    if (pods.length === 0) continue;
    for (const pod of pods) byPod.set(pod, controller);
    byController.set(controller, pods);
  }
  return { byPod, byController };
}
