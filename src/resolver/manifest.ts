import type { ObjectRef, Range } from '../findings.js';
import { isToolConfig, parseApiVersion } from '../k8s/kinds.js';
import type { InputProblem, ParsedDocument } from './parse.js';
import type { JsonPath, NodePart, SourceMap } from './source-map.js';
import { isRecord } from '../k8s/values.js';

/** A Kubernetes object as parsed: plain data. */
export type KubeObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown> & { name?: string; generateName?: string; namespace?: string };
};

export interface ManifestSource {
  /** Path relative to the working directory (forward slashes), or "<stdin>". */
  file: string;
  /** 0-based document index in the file. */
  document: number;
  /** Index inside a `kind: List` document, when the object came from one. */
  listItem?: number;
  map: SourceMap;
}

/** One object of the input, with where it came from. */
export interface Manifest {
  readonly object: KubeObject;
  readonly source: ManifestSource;
  /** Identity: group, version, kind, namespace (namespaced kinds only) and name. */
  readonly ref: ObjectRef;
  /** Position in input order; stable for a given input. */
  readonly index: number;
}

/** A Manifest before the graph has decided its scope and namespace. */
export interface RawManifest {
  object: KubeObject;
  source: ManifestSource;
}

export interface DocumentOutcome {
  manifests: RawManifest[];
  problems: InputProblem[];
  /** True when the document is not a Kubernetes object at all (no apiVersion and no kind). */
  skipped: boolean;
}

/**
 * Turns one parsed document into manifests: the object itself, or the items of a `kind: List`.
 * Documents without apiVersion and kind (Helm values, CI files) are skipped, not reported;
 * documents that try to be objects but are malformed get an `object-shape` problem.
 */
export function manifestsOfDocument(file: string, doc: ParsedDocument): DocumentOutcome {
  const outcome: DocumentOutcome = { manifests: [], problems: [], skipped: false };
  const value = doc.value;
  if (!isRecord(value) || (value.apiVersion === undefined && value.kind === undefined)) {
    outcome.skipped = true;
    return outcome;
  }
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
    if (isToolConfig(parseApiVersion(value.apiVersion).group, value.kind)) {
      outcome.skipped = true;
      return outcome;
    }
  }
  // `kind: List` and typed lists (`ConfigMapList`, `RoleBindingList`…): kubectl applies their items.
  const isList = typeof value.kind === 'string' && /List$/.test(value.kind) && Array.isArray(value.items);
  if (isList) {
    (value.items as unknown[]).forEach((item, i) => {
      const itemMap = doc.map.withPrefix(['items', i]);
      const source: ManifestSource = { file, document: doc.index, listItem: i, map: itemMap };
      const problem = shapeProblem(item, itemMap, file);
      if (problem) outcome.problems.push(problem);
      else outcome.manifests.push({ object: item as KubeObject, source });
    });
    return outcome;
  }
  const problem = shapeProblem(value, doc.map, file);
  if (problem) outcome.problems.push(problem);
  else outcome.manifests.push({ object: value as KubeObject, source: { file, document: doc.index, map: doc.map } });
  return outcome;
}

function shapeProblem(value: unknown, map: SourceMap, file: string): InputProblem | undefined {
  const at = (path: JsonPath, part: NodePart = 'value'): Range => map.rangeOf(path, part).range;
  const problem = (range: Range, message: string): InputProblem => ({ ruleId: 'object-shape', file, range, message });
  if (!isRecord(value)) {
    return problem(at([]), `Expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found ${describe(value)}.`);
  }
  for (const field of ['apiVersion', 'kind'] as const) {
    const v = value[field];
    if (v === undefined || v === null || v === '')
      return problem(at([]), `Object has no ${field}; the API server cannot tell what it is.`);
    if (typeof v !== 'string') return problem(at([field]), `${field} must be a string, found ${describe(v)}.`);
  }
  const metadata = value.metadata;
  if (metadata === undefined || metadata === null)
    return problem(at(['kind']), `${value.kind as string} has no metadata: every object needs metadata.name.`);
  if (!isRecord(metadata)) return problem(at(['metadata']), `metadata must be a mapping, found ${describe(metadata)}.`);
  const { name, generateName } = metadata;
  if (name === undefined && generateName === undefined)
    return problem(at(['metadata'], 'key'), `${value.kind as string} has no metadata.name (or generateName); the API server rejects it.`);
  if (name !== undefined && typeof name !== 'string')
    return problem(at(['metadata', 'name']), `metadata.name must be a string, found ${describe(name)}.`);
  if (name === undefined && typeof generateName !== 'string')
    return problem(at(['metadata', 'generateName']), `metadata.generateName must be a string, found ${describe(generateName)}.`);
  if (metadata.namespace !== undefined && metadata.namespace !== null && typeof metadata.namespace !== 'string')
    return problem(at(['metadata', 'namespace']), `metadata.namespace must be a string, found ${describe(metadata.namespace)}.`);
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v} (${String(v)})`;
}
