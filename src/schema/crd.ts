/**
 * Schemas of custom resources, from the CustomResourceDefinitions of the input.
 *
 * Every `apiextensions.k8s.io/v1` CRD (and the older `v1beta1`, whose `spec.validation` schema is
 * shared by all versions) gives one schema per served version. A schema is translated from
 * Kubernetes' OpenAPI dialect to JSON Schema and compiled with ajv on its first lookup, then cached:
 *
 * - `x-kubernetes-int-or-string` → integer or string (the API server ignores any `type` beside it);
 * - unknown fields: an object is closed (`additionalProperties: false`) unless its node keeps
 *   unknown fields. `x-kubernetes-preserve-unknown-fields` applies to a node and to the nodes
 *   below it that specify neither properties nor additionalProperties — the API server's pruning
 *   rule. Pruned fields are what kubectl's strict field validation rejects. A v1beta1 CRD keeps
 *   unknown fields everywhere unless `spec.preserveUnknownFields: false`;
 * - `nullable` → null allowed (in `type` and `enum`);
 * - `x-kubernetes-embedded-resource` → apiVersion and kind (required, non-empty strings) and
 *   metadata (ObjectMeta) are allowed even if not listed;
 * - the root always allows apiVersion, kind and metadata; metadata is checked as ObjectMeta (from
 *   the built-in definitions) plus the schema's own name/generateName restrictions;
 * - `format`: only the formats the API server checks (./kube-openapi.ts); others are dropped.
 *   `pattern` is Go RE2 syntax (translated, or left unchecked when JavaScript cannot run it);
 * - OpenAPI 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` → JSON Schema numbers;
 * - `default`: the API server defaults before it validates, so a required field with a default
 *   is not required.
 * Not checked: `x-kubernetes-validations` (CEL rules), list-map key uniqueness.
 *
 * A CRD the API server would reject for its schema (missing schema, `$ref`, a field without a
 * type, `additionalProperties` beside `properties`, metadata restrictions beyond name and
 * generateName, … — the structural-schema rules for v1) yields a CrdProblem at the offending node,
 * and its custom resources of that version are not validated. A keyword of the wrong shape (a
 * string where a list belongs) is left to the built-in CustomResourceDefinition schema, which
 * already reports it: one finding per place.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';
import { isRecord, valueAt } from '../k8s/values.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath, NodePart } from '../resolver/source-map.js';
import { BUILTIN_SCHEMA_DIR, builtinValidator } from './builtin.js';
import { pointerToPath } from './issues.js';
import { stripNulls } from './normalize.js';
import { describeSchemaError, isKubernetesFormat, kubernetesAjvOptions } from './kube-openapi.js';
import type { GroupVersionKind, ResolvedSchema } from './types.js';

export interface CrdProblem {
  /** The CustomResourceDefinition. */
  manifest: Manifest;
  /** The offending node of the CRD (e.g. `['spec','versions',0,'schema','openAPIV3Schema','properties','spec','type']`). */
  path: JsonPath;
  /** 'key' to point at the mapping key (a schema node, a forbidden keyword), 'value' at the value. */
  part?: NodePart;
  message: string;
}

export interface CrdSchemas {
  /** The schema of a served version of a kind defined by a CRD of the input, if it can be used. */
  lookup(gvk: GroupVersionKind): ResolvedSchema | undefined;
  /** Schemas the API server would reject or drydock cannot compile (every CRD checked on first read). */
  readonly problems: CrdProblem[];
  /** `group/Kind` of every kind defined by a CRD of the input (served or not). */
  definedKinds(): Set<string>;
  /**
   * A CRD of the input serves this version of the kind — even when `lookup` has no schema for it
   * (a v1beta1 CRD without schema, or a schema with problems).
   */
  serves(gvk: GroupVersionKind): boolean;
}

type Schema = Record<string, unknown>;

/** One openAPIV3Schema of a CRD: per version in v1, possibly shared by all versions in v1beta1. */
interface SchemaUnit {
  /** The raw schema, undefined when the CRD has none for the version. */
  schema: unknown;
  /** Where that schema is (or should be) in the CRD. */
  path: JsonPath;
  /** Where a missing schema is reported (the version entry). */
  reportAt: JsonPath;
  /** Name of the (first) version that reads it, for messages. */
  version: string;
  checked: boolean;
  problems: CrdProblem[];
  /** The schema cannot be used (problems, possibly reported by the CRD's own schema instead). */
  blocked?: boolean;
  translated?: AnySchemaObject;
  /** undefined: not compiled yet; null: no usable schema. */
  resolved?: ResolvedSchema | null;
}

interface VersionEntry {
  name: string;
  served: boolean;
  unit: SchemaUnit;
}

interface CrdEntry {
  manifest: Manifest;
  name: string;
  group: string;
  kind: string;
  /** apiextensions.k8s.io/v1 (structural schemas required) rather than v1beta1. */
  v1: boolean;
  /** v1beta1 with `spec.preserveUnknownFields` not false: nothing is pruned. */
  preserveAll: boolean;
  /** Problems of the CRD as a whole (they make every version unusable). */
  problems: CrdProblem[];
  versions: VersionEntry[];
  units: SchemaUnit[];
}

const OBJECT_META_ID = 'https://drydock.invalid/schemas/objectmeta.json';
const OBJECT_META_DEF = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';
const API_REJECTS = 'so the API server rejects the CustomResourceDefinition';

/** ObjectMeta and the definitions it uses, from the built-in schemas (any object if they are absent). */
function objectMetaSchema(): AnySchemaObject {
  const file = path.join(BUILTIN_SCHEMA_DIR, 'definitions.json');
  if (!existsSync(file)) return { $id: OBJECT_META_ID, type: 'object' };
  const all = (JSON.parse(readFileSync(file, 'utf8')) as { definitions?: Record<string, unknown> }).definitions ?? {};
  if (!Object.hasOwn(all, OBJECT_META_DEF)) return { $id: OBJECT_META_ID, type: 'object' };
  const definitions: Record<string, unknown> = {};
  const todo = [OBJECT_META_DEF];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (Object.hasOwn(definitions, name) || !Object.hasOwn(all, name)) continue;
    definitions[name] = all[name];
    JSON.stringify(all[name], (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') todo.push(value.slice(value.lastIndexOf('/') + 1));
      return value;
    });
  }
  return { $id: OBJECT_META_ID, definitions, allOf: [{ $ref: `#/definitions/${OBJECT_META_DEF}` }] };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Map-of-schemas keywords: the next path segment is a key (`properties[spec]`). */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/** A CRD path in the API server's own notation: `spec.versions[0].schema.openAPIV3Schema.properties[spec].type`. */
export function crdFieldPath(p: JsonPath): string {
  let out = '';
  let keyNext = false;
  for (const seg of p) {
    if (typeof seg === 'number' || keyNext) {
      out += `[${seg}]`;
      keyNext = false;
      continue;
    }
    out += out ? `.${seg}` : seg;
    keyNext = MAP_KEYWORDS.has(seg);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Static checks (the API server's CRD validation)

type Level = 'root' | 'item' | 'field';

const OPENAPI_TYPES = new Set(['array', 'boolean', 'integer', 'number', 'object', 'string']);
const JUNCTORS = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords a value validation (allOf/anyOf/oneOf/not) must not set in a structural schema. */
const FORBIDDEN_IN_JUNCTOR = [
  'type',
  'additionalProperties',
  'default',
  'title',
  'description',
  'nullable',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
];
/** What the root `metadata` schema may say besides restricting name and generateName. */
const ROOT_METADATA_KEYS = new Set(['type', 'properties', 'example', 'externalDocs']);

class SchemaChecker {
  constructor(
    private readonly out: CrdProblem[],
    private readonly manifest: Manifest,
    private readonly base: JsonPath,
    /** apiextensions.k8s.io/v1: the structural-schema rules apply. */
    private readonly structural: boolean,
  ) {}

  /** `part` 'value' for a wrong value (`type: int`), 'key' for a node or a keyword that must go. */
  private problem(rel: JsonPath, detail: string, part: NodePart = 'key'): void {
    const at = [...this.base, ...rel];
    this.out.push({ manifest: this.manifest, path: at, part, message: `${crdFieldPath(at)}: ${detail}, ${API_REJECTS}` });
  }

  /** A node outside value validations. */
  node(s: unknown, rel: JsonPath, level: Level, resourceRoot = false): void {
    if (!isRecord(s)) {
      this.problem(rel, 'must be a schema (a mapping)');
      return;
    }
    this.common(s, rel);
    const type = s.type;
    const intOrString = s['x-kubernetes-int-or-string'] === true;
    const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
    const embedded = s['x-kubernetes-embedded-resource'] === true;
    const props = isRecord(s.properties) ? s.properties : undefined;
    if (this.structural) {
      if (embedded && type !== 'object') {
        this.problem([...rel, 'type'], 'must be object if x-kubernetes-embedded-resource is true');
      } else if ((type === undefined || type === '') && !intOrString && !preserve) {
        const where = level === 'root' ? 'at the root' : level === 'item' ? 'for specified array items' : 'for specified object fields';
        this.problem(rel, `type must not be empty ${where} (only nodes with x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields may omit it)`);
      }
      if (level === 'root' && typeof type === 'string' && type !== '' && type !== 'object') this.problem([...rel, 'type'], 'must be object at the root', 'value');
      if (level === 'root' && s.additionalProperties !== undefined) this.problem([...rel, 'additionalProperties'], 'must not be used at the root');
      if (embedded && s.additionalProperties !== undefined)
        this.problem([...rel, 'additionalProperties'], 'must not be used if x-kubernetes-embedded-resource is set');
      if (embedded && !preserve && (!props || Object.keys(props).length === 0))
        this.problem(rel, 'properties must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields');
      if (intOrString && preserve) this.problem([...rel, 'x-kubernetes-preserve-unknown-fields'], 'must be false if x-kubernetes-int-or-string is true');
      if (intOrString && embedded) this.problem([...rel, 'x-kubernetes-embedded-resource'], 'must be false if x-kubernetes-int-or-string is true');
      if (type === 'array' && s.items === undefined) this.problem(rel, 'items must be specified for type array');
      if ((resourceRoot || embedded) && props) {
        for (const field of ['apiVersion', 'kind'] as const) {
          const f = props[field];
          if (isRecord(f) && f.type !== 'string') this.problem([...rel, 'properties', field, 'type'], 'must be string', 'value');
        }
        const meta = props.metadata;
        if (isRecord(meta) && meta.type !== 'object') this.problem([...rel, 'properties', 'metadata', 'type'], 'must be object', 'value');
      }
      if (resourceRoot && props && isRecord(props.metadata)) this.rootMetadata(props.metadata, [...rel, 'properties', 'metadata']);
      const anyOfIsIntOrString = isIntOrStringAnyOf(s.anyOf);
      const allOfStartsIntOrString = Array.isArray(s.allOf) && isRecord(s.allOf[0]) && isIntOrStringAnyOf(s.allOf[0].anyOf);
      for (const j of JUNCTORS) {
        const list = s[j];
        if (!Array.isArray(list)) continue;
        if (j === 'anyOf' && anyOfIsIntOrString) continue;
        list.forEach((v, i) => this.junctor(v, [...rel, j, i], s, j === 'allOf' && i === 0 && allOfStartsIntOrString));
      }
      if (s.not !== undefined) this.junctor(s.not, [...rel, 'not'], s, false);
    } else {
      for (const j of JUNCTORS) if (Array.isArray(s[j])) (s[j] as unknown[]).forEach((v, i) => this.loose(v, [...rel, j, i]));
      if (s.not !== undefined) this.loose(s.not, [...rel, 'not']);
    }
    if (props) for (const [k, v] of Object.entries(props)) this.node(v, [...rel, 'properties', k], 'field');
    if (s.items !== undefined) {
      if (Array.isArray(s.items)) s.items.forEach((v, i) => this.node(v, [...rel, 'items', i], 'item'));
      else this.node(s.items, [...rel, 'items'], 'item');
    }
    if (isRecord(s.additionalProperties)) this.node(s.additionalProperties, [...rel, 'additionalProperties'], 'field');
  }

  /** Checks every CRD schema node must pass, structural or not. */
  private common(s: Schema, rel: JsonPath): void {
    for (const [key, what] of [
      ['$ref', '$ref is not supported'],
      ['id', 'id is not supported'],
      ['additionalItems', 'additionalItems is not supported'],
      ['patternProperties', 'patternProperties is not supported'],
      ['definitions', 'definitions is not supported'],
      ['dependencies', 'dependencies is not supported'],
    ] as const) {
      if (s[key] !== undefined) this.problem([...rel, key], what);
    }
    if (s.uniqueItems === true) this.problem([...rel, 'uniqueItems'], 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic');
    if (s.type === 'null') this.problem([...rel, 'type'], 'type cannot be set to null, use nullable as an alternative');
    else if (typeof s.type === 'string' && s.type !== '' && !OPENAPI_TYPES.has(s.type))
      this.problem([...rel, 'type'], `unsupported type ${JSON.stringify(s.type)} (supported: ${[...OPENAPI_TYPES].join(', ')})`, 'value');
    else if (s.type !== undefined && typeof s.type !== 'string') this.problem([...rel, 'type'], 'type must be a single type name (a string)', 'value');
    if (Array.isArray(s.items)) this.problem([...rel, 'items'], 'items must be a schema object and not an array');
    if (s['x-kubernetes-preserve-unknown-fields'] === false) this.problem([...rel, 'x-kubernetes-preserve-unknown-fields'], 'must be true or undefined');
    const props = isRecord(s.properties) ? s.properties : undefined;
    if (props && Object.keys(props).length > 0 && (s.additionalProperties === false || isRecord(s.additionalProperties)))
      this.problem([...rel, 'additionalProperties'], 'additionalProperties and properties are mutual exclusive');
    const listType = s['x-kubernetes-list-type'];
    if (listType !== undefined) {
      if (s.type !== 'array') this.problem([...rel, 'type'], 'must be array if x-kubernetes-list-type is specified');
      if (listType !== 'atomic' && listType !== 'set' && listType !== 'map')
        this.problem([...rel, 'x-kubernetes-list-type'], `unsupported value ${JSON.stringify(listType)} (supported: atomic, set, map)`, 'value');
      if (listType === 'map' && !(Array.isArray(s['x-kubernetes-list-map-keys']) && s['x-kubernetes-list-map-keys'].length > 0))
        this.problem([...rel, 'x-kubernetes-list-map-keys'], 'must not be empty if x-kubernetes-list-type is map');
    }
    const mapType = s['x-kubernetes-map-type'];
    if (mapType !== undefined) {
      if (s.type !== 'object') this.problem([...rel, 'type'], 'must be object if x-kubernetes-map-type is specified');
      if (mapType !== 'atomic' && mapType !== 'granular')
        this.problem([...rel, 'x-kubernetes-map-type'], `unsupported value ${JSON.stringify(mapType)} (supported: atomic, granular)`, 'value');
    }
  }

  /** The root's metadata schema may only restrict name and generateName. */
  private rootMetadata(meta: Schema, rel: JsonPath): void {
    for (const key of Object.keys(meta)) {
      if (ROOT_METADATA_KEYS.has(key)) continue;
      this.problem([...rel, key], 'metadata must not specify anything other than name and generateName');
    }
    if (isRecord(meta.properties)) {
      for (const key of Object.keys(meta.properties)) {
        if (key !== 'name' && key !== 'generateName')
          this.problem([...rel, 'properties', key], 'metadata must not specify anything other than name and generateName');
      }
    }
  }

  /** A value validation (allOf/anyOf/oneOf/not) of a structural schema, next to its structural node. */
  private junctor(v: unknown, rel: JsonPath, outer: unknown, skipAnyOf: boolean): void {
    if (!isRecord(v)) {
      this.problem(rel, 'must be a schema (a mapping)');
      return;
    }
    this.common(v, rel);
    for (const key of FORBIDDEN_IN_JUNCTOR) {
      if (v[key] === undefined || v[key] === false || v[key] === '') continue;
      this.problem([...rel, key], `${key} must not be set inside allOf, anyOf, oneOf or not (structural schema)`);
    }
    const outerSchema = isRecord(outer) ? outer : {};
    const outerProps = isRecord(outerSchema.properties) ? outerSchema.properties : {};
    if (isRecord(v.properties)) {
      for (const [k, child] of Object.entries(v.properties)) {
        if (k === 'metadata') {
          this.problem([...rel, 'properties', k], 'metadata must not be specified in a nested context');
          continue;
        }
        if (!Object.hasOwn(outerProps, k)) {
          this.problem([...rel, 'properties', k], `field ${JSON.stringify(k)} must also be specified outside of allOf, anyOf, oneOf and not (structural schema)`);
          continue;
        }
        this.junctor(child, [...rel, 'properties', k], outerProps[k], false);
      }
    }
    if (v.items !== undefined && !Array.isArray(v.items)) {
      if (outerSchema.items === undefined) this.problem([...rel, 'items'], 'items must also be specified outside of allOf, anyOf, oneOf and not (structural schema)');
      else this.junctor(v.items, [...rel, 'items'], outerSchema.items, false);
    }
    for (const j of JUNCTORS) {
      const list = v[j];
      if (!Array.isArray(list) || (j === 'anyOf' && skipAnyOf)) continue;
      list.forEach((x, i) => this.junctor(x, [...rel, j, i], outer, false));
    }
    if (v.not !== undefined) this.junctor(v.not, [...rel, 'not'], outer, false);
  }

  /** A value validation of a v1beta1 (possibly non-structural) schema. */
  private loose(v: unknown, rel: JsonPath): void {
    if (!isRecord(v)) {
      this.problem(rel, 'must be a schema (a mapping)');
      return;
    }
    this.node(v, rel, 'field');
  }
}

function isIntOrStringAnyOf(anyOf: unknown): boolean {
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const types = anyOf.map((a) => (isRecord(a) && Object.keys(a).length === 1 ? a.type : undefined));
  return types.includes('integer') && types.includes('string');
}

// ---------------------------------------------------------------------------------------------
// Translation to JSON Schema

const COPIED = [
  'required',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

interface TranslateOptions {
  /** Nothing is pruned (v1beta1 default): no object is closed. */
  preserveAll: boolean;
}

function translate(s: unknown, inherited: boolean, opts: TranslateOptions, junctor: boolean, resourceRoot = false): Schema {
  if (!isRecord(s)) return {};
  const out: Schema = {};
  for (const k of COPIED) if (s[k] !== undefined) out[k] = s[k];
  for (const [ex, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (s[ex] === true && typeof s[bound] === 'number') {
      out[ex] = s[bound];
      delete out[bound];
    } else if (typeof s[ex] === 'number') out[ex] = s[ex];
  }
  if (isKubernetesFormat(s.format)) out.format = s.format;

  const intOrString = s['x-kubernetes-int-or-string'] === true;
  let types: string[] | undefined;
  if (intOrString) types = ['integer', 'string'];
  else if (typeof s.type === 'string' && s.type !== '') types = [s.type];
  else if (Array.isArray(s.type)) types = s.type.filter((t): t is string => typeof t === 'string');
  if (s.nullable === true) {
    if (types && !types.includes('null')) types.push('null');
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  }
  if (types) out.type = types.length === 1 ? types[0] : types;

  const props = isRecord(s.properties) ? s.properties : undefined;
  const embedded = !junctor && s['x-kubernetes-embedded-resource'] === true;
  const preserve =
    opts.preserveAll || s['x-kubernetes-preserve-unknown-fields'] === true || (inherited && !props && s.additionalProperties === undefined);

  if (props) {
    const outProps: Schema = {};
    for (const [k, v] of Object.entries(props)) outProps[k] = translate(v, preserve, opts, junctor);
    out.properties = outProps;
    // The API server applies defaults before it validates: a required field with a default is never missing.
    if (Array.isArray(out.required)) out.required = out.required.filter((k) => !(typeof k === 'string' && isRecord(props[k]) && props[k].default !== undefined));
  }
  if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
  else if (isRecord(s.additionalProperties)) out.additionalProperties = translate(s.additionalProperties, preserve, opts, junctor);
  if (Array.isArray(s.items)) out.items = s.items.map((v) => translate(v, preserve, opts, junctor));
  else if (s.items !== undefined) out.items = translate(s.items, preserve, opts, junctor);
  for (const j of JUNCTORS) if (Array.isArray(s[j])) out[j] = (s[j] as unknown[]).map((v) => translate(v, preserve, opts, true));
  if (s.not !== undefined) out.not = translate(s.not, preserve, opts, true);

  if (resourceRoot || embedded) addResourceMeta(out, props, embedded);
  const isObject = (types?.includes('object') ?? false) || props !== undefined;
  if (!junctor && !preserve && isObject && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** apiVersion, kind and metadata of a resource (the root, or an embedded resource). */
function addResourceMeta(out: Schema, rawProps: Schema | undefined, embedded: boolean): void {
  const props = (out.properties ??= {}) as Schema;
  for (const field of ['apiVersion', 'kind']) {
    if (!Object.hasOwn(props, field)) props[field] = { type: 'string' };
    if (embedded) props[field] = { allOf: [props[field], { type: 'string', minLength: 1 }] };
  }
  if (embedded) out.required = [...new Set([...(Array.isArray(out.required) ? (out.required as unknown[]) : []), 'apiVersion', 'kind'])];
  const rawMeta = rawProps && isRecord(rawProps.metadata) ? rawProps.metadata : undefined;
  const restrictions: Schema = {};
  if (rawMeta && isRecord(rawMeta.properties)) {
    for (const k of ['name', 'generateName']) {
      if (Object.hasOwn(rawMeta.properties, k)) restrictions[k] = translate(rawMeta.properties[k], false, { preserveAll: false }, true);
    }
  }
  props.metadata = Object.keys(restrictions).length > 0 ? { allOf: [{ $ref: OBJECT_META_ID }, { properties: restrictions }] } : { $ref: OBJECT_META_ID };
}

/** The deepest prefix of `p` that exists in `raw`. */
function existingPrefix(raw: unknown, p: JsonPath): JsonPath {
  let n = p.length;
  while (n > 0 && valueAt(raw, p.slice(0, n)) === undefined) n--;
  return p.slice(0, n);
}

// ---------------------------------------------------------------------------------------------

class CrdSchemaSet implements CrdSchemas {
  private readonly byKind = new Map<string, CrdEntry>();
  private readonly entries: CrdEntry[] = [];
  private readonly kinds = new Set<string>();
  private allChecked = false;
  private ajvInstance?: Ajv;
  private readonly found: CrdProblem[] = [];

  constructor(graph: ObjectGraph) {
    for (const m of graph.ofKind('CustomResourceDefinition', 'apiextensions.k8s.io')) {
      const entry = readCrd(m);
      if (!entry) continue;
      this.entries.push(entry);
      this.found.push(...entry.problems);
      const key = `${entry.group}/${entry.kind}`;
      this.kinds.add(key);
      if (!this.byKind.has(key)) this.byKind.set(key, entry);
    }
  }

  definedKinds(): Set<string> {
    return new Set(this.kinds);
  }

  serves(gvk: GroupVersionKind): boolean {
    return this.byKind.get(`${gvk.group}/${gvk.kind}`)?.versions.some((v) => v.name === gvk.version && v.served) ?? false;
  }

  get problems(): CrdProblem[] {
    if (!this.allChecked) {
      this.allChecked = true;
      for (const entry of this.entries) for (const unit of entry.units) this.check(entry, unit);
    }
    return this.found;
  }

  lookup(gvk: GroupVersionKind): ResolvedSchema | undefined {
    const entry = this.byKind.get(`${gvk.group}/${gvk.kind}`);
    const v = entry?.versions.find((x) => x.name === gvk.version);
    if (!entry || !v || !v.served) return undefined;
    const unit = v.unit;
    if (unit.resolved !== undefined) return unit.resolved ?? undefined;
    this.check(entry, unit);
    unit.resolved = null;
    if (entry.problems.length > 0 || unit.problems.length > 0 || unit.blocked || !unit.translated) return undefined;
    try {
      unit.resolved = { validate: this.ajv().compile(unit.translated), origin: { kind: 'crd', crd: entry.name } };
    } catch (e) {
      const problem: CrdProblem = {
        manifest: entry.manifest,
        path: unit.path,
        part: 'key',
        message: `${crdFieldPath(unit.path)}: drydock cannot compile this schema (${(e as Error).message})`,
      };
      unit.problems.push(problem);
      this.found.push(problem);
    }
    return unit.resolved ?? undefined;
  }

  private ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = new Ajv(kubernetesAjvOptions());
      this.ajvInstance.addSchema(objectMetaSchema());
    }
    return this.ajvInstance;
  }

  /** Static checks, translation and meta-schema validation of one schema (once). */
  private check(entry: CrdEntry, unit: SchemaUnit): void {
    if (unit.checked) return;
    unit.checked = true;
    if (unit.schema === undefined) {
      if (entry.v1) {
        unit.problems.push({
          manifest: entry.manifest,
          path: unit.reportAt,
          part: 'key',
          message: `${crdFieldPath(unit.path)}: version ${unit.version} has no schema (schemas are required in apiextensions.k8s.io/v1), ${API_REJECTS}`,
        });
      }
      this.found.push(...unit.problems);
      return;
    }
    const problems: CrdProblem[] = [];
    new SchemaChecker(problems, entry.manifest, unit.path, entry.v1).node(unit.schema, [], 'root', true);
    let meta: CrdProblem[] = [];
    if (problems.length === 0) {
      const translated = translate(unit.schema, false, { preserveAll: entry.preserveAll }, false, true);
      const ajv = this.ajv();
      if (ajv.validateSchema(translated)) unit.translated = translated;
      else meta = metaSchemaProblems(entry, unit, translated, ajv.errors ?? []);
    }
    if (problems.length === 0 && meta.length === 0) return;
    // A wrongly shaped keyword (a list where a mapping belongs…) is already reported by the
    // built-in CustomResourceDefinition schema: the version stays unusable, but the place gets one
    // finding, not two.
    const reported = builtinErrorPaths(entry);
    const covered = (p: CrdProblem, orBelow: boolean): boolean => {
      const key = p.path.join('\u0000');
      return reported.some((r) => r === key || (orBelow && r.startsWith(key + '\u0000')));
    };
    const kept = [...problems.filter((p) => !covered(p, false)), ...meta.filter((p) => !covered(p, true))];
    unit.blocked = true;
    unit.problems.push(...kept);
    this.found.push(...kept);
  }
}

function metaSchemaProblems(entry: CrdEntry, unit: SchemaUnit, translated: AnySchemaObject, errors: readonly ErrorObject[]): CrdProblem[] {
  const out: CrdProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // The meta-schema's alternatives repeat the same place: keep the first message.
    if (seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    const at = [...unit.path, ...existingPrefix(unit.schema, pointerToPath(e.instancePath, translated))];
    out.push({ manifest: entry.manifest, path: at, part: 'value', message: `${crdFieldPath(at)}: not a valid schema (${describeSchemaError(e)}), ${API_REJECTS}` });
  }
  return out;
}

/** Paths (joined with NUL) where the built-in CustomResourceDefinition schema finds errors in this CRD. */
function builtinErrorPaths(entry: CrdEntry): string[] {
  const validate = builtinValidator({ group: 'apiextensions.k8s.io', version: entry.v1 ? 'v1' : 'v1beta1', kind: 'CustomResourceDefinition' });
  if (!validate) return [];
  const data = stripNulls(entry.manifest.object);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => pointerToPath(e.instancePath, data).join('\u0000'));
}

function readCrd(m: Manifest): CrdEntry | undefined {
  const v1 = m.ref.version === 'v1';
  if (!v1 && m.ref.version !== 'v1beta1') return undefined;
  const spec = m.object.spec;
  if (!isRecord(spec) || typeof spec.group !== 'string' || !isRecord(spec.names) || typeof spec.names.kind !== 'string') return undefined;
  const entry: CrdEntry = {
    manifest: m,
    name: typeof m.object.metadata.name === 'string' ? m.object.metadata.name : m.ref.name,
    group: spec.group,
    kind: spec.names.kind,
    v1,
    preserveAll: !v1 && spec.preserveUnknownFields !== false,
    problems: [],
    versions: [],
    units: [],
  };
  if (v1 && spec.preserveUnknownFields === true) {
    entry.problems.push({
      manifest: m,
      path: ['spec', 'preserveUnknownFields'],
      part: 'value',
      message: `spec.preserveUnknownFields: must be false in apiextensions.k8s.io/v1, ${API_REJECTS}`,
    });
  }
  const unit = (schema: unknown, at: JsonPath, reportAt: JsonPath, version: string): SchemaUnit => {
    const u: SchemaUnit = { schema, path: at, reportAt, version, checked: false, problems: [] };
    entry.units.push(u);
    return u;
  };
  // v1beta1: `spec.validation` is the schema of every version that has none of its own.
  let shared: SchemaUnit | undefined;
  const sharedSchema = !v1 && isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const sharedUnit = (reportAt: JsonPath, version: string): SchemaUnit =>
    (shared ??= unit(sharedSchema, ['spec', 'validation', 'openAPIV3Schema'], reportAt, version));
  if (Array.isArray(spec.versions) && spec.versions.length > 0) {
    spec.versions.forEach((raw, i) => {
      if (!isRecord(raw) || typeof raw.name !== 'string') return;
      const own = isRecord(raw.schema) ? raw.schema.openAPIV3Schema : undefined;
      const u =
        own === undefined && !v1
          ? sharedUnit(['spec', 'versions', i], raw.name)
          : unit(own, ['spec', 'versions', i, 'schema', 'openAPIV3Schema'], ['spec', 'versions', i], raw.name);
      entry.versions.push({ name: raw.name, served: raw.served === true, unit: u });
    });
  } else if (!v1 && typeof spec.version === 'string') {
    entry.versions.push({ name: spec.version, served: true, unit: sharedUnit(['spec', 'version'], spec.version) });
  }
  return entry;
}

/** The schemas of the custom resources defined by the CRDs of the input (built lazily). */
export function crdSchemasOf(graph: ObjectGraph): CrdSchemas {
  return new CrdSchemaSet(graph);
}
