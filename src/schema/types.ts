import type { ErrorObject } from 'ajv';
import type { JsonPath, NodePart } from '../resolver/source-map.js';

export interface GroupVersionKind {
  /** "" for the core group. */
  group: string;
  version: string;
  kind: string;
}

/** `apps/v1/Deployment`, `v1/Pod` (core group: no leading slash) — the key of schema tables. */
export function gvkKey(gvk: GroupVersionKind): string {
  return gvk.group === '' ? `${gvk.version}/${gvk.kind}` : `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

/**
 * A compiled JSON Schema validator: ajv's runtime `compile()` result and ajv standalone code have
 * this shape. It must be compiled with `allErrors: true` so that every wrong field is reported.
 */
export interface AjvValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Where a schema came from, for messages and related locations. */
export type SchemaOrigin =
  | { kind: 'builtin'; kubernetesVersion: string }
  | { kind: 'crd'; crd: string }
  | { kind: 'schema-dir'; file: string };

export interface ResolvedSchema {
  validate: AjvValidate;
  origin: SchemaOrigin;
  /** The CRD's version schema keeps unknown fields (x-kubernetes-preserve-unknown-fields at the root). */
  preservesUnknownFields?: boolean;
}

/** One wrong field, ready to become one finding. */
export interface SchemaIssue {
  path: JsonPath;
  part: NodePart;
  /** e.g. `spec.replicas: expected integer, got string "three"`. */
  message: string;
  /** The schema keyword behind it: 'type', 'required', 'additionalProperties', 'enum', … */
  keyword: string;
}
