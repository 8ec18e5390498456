/**
 * HorizontalPodAutoscaler targets (section 4.8 of docs/k8s-semantics.md): every served version
 * (`autoscaling/v1`, `v2`, `v2beta1`, `v2beta2`) names its target in `spec.scaleTargetRef`
 * `{apiVersion, kind, name}`; the controller resolves the kind in the API group of `apiVersion`, in
 * the HPA's namespace, and scales it through its `/scale` subresource.
 *
 * Nothing here throws: a malformed reference comes back with undefined fields.
 */
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { kindInfo, parseApiVersion } from './kinds.js';
import { isRecord } from './values.js';

export const HPA_GROUP = 'autoscaling';

/** Built-in kinds that serve a `/scale` subresource, keyed by `group/Kind`. */
const SCALABLE_BUILTINS = new Set([
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'extensions/Deployment',
  'extensions/ReplicaSet',
  '/ReplicationController',
]);

/** Kinds whose old `extensions` group served the same objects as `apps`. */
const APPS_EXTENSIONS_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet']);

export interface ScaleTargetRef {
  /** `spec.scaleTargetRef` path. */
  path: JsonPath;
  /** `apiVersion` as written, undefined when missing or not a string. */
  apiVersion: string | undefined;
  /** API group of `apiVersion` ("" for core or when apiVersion is missing). */
  group: string;
  kind: string | undefined;
  name: string | undefined;
}

/** The `spec.scaleTargetRef` of an HPA object, or undefined when it is not a mapping. */
export function scaleTargetRefOf(object: Record<string, unknown>): ScaleTargetRef | undefined {
  const spec = object.spec;
  if (!isRecord(spec) || !isRecord(spec.scaleTargetRef)) return undefined;
  const ref = spec.scaleTargetRef;
  const apiVersion = typeof ref.apiVersion === 'string' && ref.apiVersion !== '' ? ref.apiVersion : undefined;
  return {
    path: ['spec', 'scaleTargetRef'],
    apiVersion,
    group: apiVersion === undefined ? '' : parseApiVersion(apiVersion).group,
    kind: typeof ref.kind === 'string' && ref.kind !== '' ? ref.kind : undefined,
    name: typeof ref.name === 'string' && ref.name !== '' ? ref.name : undefined,
  };
}

/** The groups an object of this kind in this group may be found under (apps ≡ extensions for Deployments). */
export function equivalentGroups(group: string, kind: string): string[] {
  if (APPS_EXTENSIONS_KINDS.has(kind) && (group === 'apps' || group === 'extensions')) return ['apps', 'extensions'];
  return [group];
}

/** Objects in the input that an HPA in `namespace` scales through this reference. */
export function findScaleTargets(graph: ObjectGraph, namespace: string, target: ScaleTargetRef): Manifest[] {
  const { kind, name } = target;
  if (kind === undefined || name === undefined) return [];
  return equivalentGroups(target.group, kind).flatMap((group) => [...graph.getAll({ group, kind, namespace, name })]);
}

/**
 * False for built-in kinds known to have no `/scale` subresource (DaemonSet, Job, Service…); true
 * for the scalable built-ins and for every other kind (a custom resource may declare one).
 */
export function mayHaveScaleSubresource(group: string, kind: string): boolean {
  if (SCALABLE_BUILTINS.has(`${group}/${kind}`)) return true;
  return kindInfo(group, kind) === undefined;
}

/** HPAs of the input, of every served autoscaling version. */
export function horizontalPodAutoscalers(graph: ObjectGraph): readonly Manifest[] {
  return graph.ofKind('HorizontalPodAutoscaler', HPA_GROUP);
}
