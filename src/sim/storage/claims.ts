/**
 * PersistentVolumeClaims of the simulation: read from PVC objects (or built by the StatefulSet
 * controller from `volumeClaimTemplates`), defaulted and validated as the API server does (§5.1),
 * and given a class by DefaultStorageClass admission (§5.2).
 */
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import { formatQuantity, isNegative, parseQuantity, type Quantity } from '../../k8s/quantity.js';
import { isRecord, valueAt } from '../../k8s/values.js';
import type { SimClaim, SimStorageClass } from '../model.js';
import { defaultStorageClass } from './classes.js';

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

const ACCESS_MODES: readonly string[] = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES: readonly string[] = ['Block', 'Filesystem'];

/** The annotation that predates `spec.storageClassName` and still wins over it (§5.2). */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Every PersistentVolumeClaim object of the input (core group), in input order, defaulted (§5.1). */
export function claimsFromInput(graph: ObjectGraph): SimClaim[] {
  const out: SimClaim[] = [];
  for (const manifest of graph.ofKind('PersistentVolumeClaim', '')) {
    const name = manifest.object.metadata.name;
    if (typeof name !== 'string' || name === '') continue;
    out.push(newClaim(manifest, [], name, manifest.ref.namespace ?? 'default'));
  }
  return out;
}

/**
 * A claim as the API server stores it: a copy of the spec at `path` in `manifest` with
 * `volumeMode` defaulted to `Filesystem` (§5.1). For a StatefulSet claim template, `path` is the
 * template's and `name` the generated `<template>-<statefulset>-<ordinal>`.
 */
export function newClaim(manifest: Manifest, path: JsonPath, name: string, namespace: string): SimClaim {
  const rawSpec = valueAt(manifest.object, [...path, 'spec']);
  const spec: Record<string, unknown> = isRecord(rawSpec) ? structuredClone(rawSpec) : {};
  if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = 'Filesystem';
  return { name, namespace, manifest, path, spec, phase: 'Pending' };
}

/**
 * DefaultStorageClass admission (§5.2): a claim with neither `spec.storageClassName` nor the beta
 * class annotation gets the default class, if the cluster has one (`""` means "no class" and is
 * kept). Mutates the claim as admission mutates the object, and returns it.
 */
export function applyDefaultStorageClass(claim: SimClaim, classes: readonly SimStorageClass[]): SimClaim {
  if (hasClass(claim)) return claim;
  const def = defaultStorageClass(classes);
  if (def) claim.spec.storageClassName = def.name;
  return claim;
}

/** `PersistentVolumeClaimHasClass`: the beta annotation is present or `storageClassName` is set (even `""`). */
function hasClass(claim: SimClaim): boolean {
  const value = claim.spec.storageClassName;
  return claimAnnotations(claim)[BETA_STORAGE_CLASS_ANNOTATION] !== undefined || (value !== undefined && value !== null);
}

/** Class of a claim (`GetPersistentVolumeClaimClass`, §5.2): the beta annotation, else `storageClassName`, else `""`. */
export function claimClassOf(claim: SimClaim): string {
  const annotation = claimAnnotations(claim)[BETA_STORAGE_CLASS_ANNOTATION];
  if (annotation !== undefined) return String(annotation);
  const value = claim.spec.storageClassName;
  return typeof value === 'string' ? value : '';
}

function claimAnnotations(claim: SimClaim): Record<string, unknown> {
  const value = valueAt(claim.manifest.object, [...claim.path, 'metadata', 'annotations']);
  return isRecord(value) ? value : {};
}

/** The claim's access modes as written (validation reports unknown ones). */
export function accessModesOf(spec: Record<string, unknown>): string[] {
  return Array.isArray(spec.accessModes) ? spec.accessModes.map((m) => String(m)) : [];
}

/** `resources.requests.storage`, parsed; undefined when absent or not a quantity. */
export function requestedStorage(claim: SimClaim): Quantity | undefined {
  const parsed = parseQuantity(valueAt(claim.spec, ['resources', 'requests', 'storage']));
  return parsed.ok ? parsed.quantity : undefined;
}

/** A reason the API server rejects a claim, with the path of the offending field inside the claim. */
export interface ClaimProblem {
  /** `field.Error` text: `spec.accessModes: Required value: at least 1 access mode is required`. */
  message: string;
  /** Path relative to the claim (`['spec','accessModes']`). */
  path: JsonPath;
}

/**
 * `ValidatePersistentVolumeClaimSpec` (§5.1): at least one access mode, only known modes,
 * ReadWriteOncePod alone, a positive `resources.requests.storage`, a known `volumeMode`. The first
 * problem, or undefined when the claim is valid.
 */
export function claimProblem(claim: SimClaim): ClaimProblem | undefined {
  const spec = claim.spec;
  const modes = accessModesOf(spec);
  if (modes.length === 0)
    return { message: 'spec.accessModes: Required value: at least 1 access mode is required', path: ['spec', 'accessModes'] };
  const unknown = modes.find((m) => !ACCESS_MODES.includes(m));
  if (unknown !== undefined)
    return { message: `spec.accessModes: Unsupported value: "${unknown}": supported values: ${quoted(ACCESS_MODES)}`, path: ['spec', 'accessModes'] };
  if (modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod'))
    return { message: 'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes', path: ['spec', 'accessModes'] };
  const storagePath = ['spec', 'resources', 'requests', 'storage'];
  const raw = valueAt(spec, ['resources', 'requests', 'storage']);
  if (raw === undefined || raw === null) return { message: 'spec.resources[storage]: Required value', path: storagePath };
  const size = parseQuantity(raw);
  if (!size.ok) return { message: `spec.resources[storage]: Invalid value: ${JSON.stringify(raw)}: ${size.error}`, path: storagePath };
  if (isNegative(size.quantity) || size.quantity.nanos === 0n)
    return { message: `spec.resources[storage]: Invalid value: "${formatQuantity(size.quantity)}": must be greater than zero`, path: storagePath };
  const volumeMode = spec.volumeMode;
  if (volumeMode !== undefined && volumeMode !== null && !VOLUME_MODES.includes(String(volumeMode)))
    return { message: `spec.volumeMode: Unsupported value: "${String(volumeMode)}": supported values: ${quoted(VOLUME_MODES)}`, path: ['spec', 'volumeMode'] };
  return undefined;
}

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** `namespace/name`: the key claims are looked up by. */
export const claimKey = (namespace: string, name: string): string => `${namespace}/${name}`;
