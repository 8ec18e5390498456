/**
 * JSON Schemas from the user's schema folders (`--schema-dir`), found by kubeconform's naming:
 *
 * 1. `{{ .ResourceKind }}{{ .KindSuffix }}.json` — kubeconform's default layout (also what its
 *    openapi2jsonschema.py writes with FILENAME_FORMAT `{kind}-{group}-{version}`): the kind in lower
 *    case, then `-<first label of the group>-<version>`, or `-<version>` for the core group:
 *    `deployment-apps-v1.json`, `service-v1.json`, `certificate-cert-manager-v1.json`;
 * 2. `{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json` — the CRDs-catalog layout:
 *    `cert-manager.io/certificate_v1.json`;
 * 3. `{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json` — openapi2jsonschema.py's default
 *    FILENAME_FORMAT `{kind}_{version}`: `certificate_v1.json`.
 * Folders are searched in order, layouts in that order within a folder. Because layout 1 keeps only
 * the first label of the group (`networking.k8s.io` and `networking.istio.io` both give
 * `-networking-`), a schema that declares `x-kubernetes-group-version-kind` is only used for a kind
 * it lists.
 *
 * Schemas are compiled with ajv on first use and cached per file. `$schema` picks the dialect:
 * draft-04 (with ajv-draft-04, loaded only then), draft-06, draft-07 (also when absent or unknown),
 * 2019-09, 2020-12. Relative `$ref`s to other files of the folder are loaded (the non-standalone
 * kubernetes-json-schema files point into `_definitions.json`); nothing is ever downloaded. Schemas
 * without a draft `$schema` are often converted from CRDs, so their OpenAPI 3.0 leftovers are
 * read leniently (boolean exclusiveMinimum/Maximum, `nullable`), and only the formats Kubernetes
 * checks are checked. A file that is not JSON, not a schema, or refers to a missing file becomes a
 * problem (`problems()`) and objects of its kind are not validated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv, type AnySchemaObject } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isRecord } from '../k8s/values.js';
import { kubernetesAjvOptions, schemaErrorsText } from './kube-openapi.js';
import { gvkKey, type GroupVersionKind, type ResolvedSchema } from './types.js';

export interface SchemaDirProblem {
  /** Absolute path of the schema file. */
  file: string;
  message: string;
}

type Dialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';
type AjvLike = Pick<Ajv, 'compile' | 'addSchema' | 'getSchema' | 'validateSchema' | 'errors'>;

const require = createRequire(import.meta.url);

/** kubeconform's template values for a group/version/kind. */
export function kubeconformNames(gvk: GroupVersionKind): { resourceKind: string; kindSuffix: string; group: string; resourceAPIVersion: string } {
  const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
  const groupParts = apiVersion.split('/');
  const versionParts = groupParts[0].split('.');
  let kindSuffix = `-${versionParts[0].toLowerCase()}`;
  if (groupParts.length > 1) kindSuffix += `-${groupParts[1].toLowerCase()}`;
  return { resourceKind: gvk.kind.toLowerCase(), kindSuffix, group: groupParts[0], resourceAPIVersion: groupParts[groupParts.length - 1] };
}

/** File names to try in one folder, in order (relative, forward slashes). */
export function candidateFiles(gvk: GroupVersionKind): string[] {
  const n = kubeconformNames(gvk);
  return [`${n.resourceKind}${n.kindSuffix}.json`, `${n.group}/${n.resourceKind}_${n.resourceAPIVersion}.json`, `${n.resourceKind}_${n.resourceAPIVersion}.json`];
}

function dialectOf(schema: unknown): { dialect: Dialect; known: boolean } {
  const id = isRecord(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/draft-04/.test(id)) return { dialect: 'draft-04', known: true };
  if (/draft-06/.test(id)) return { dialect: 'draft-06', known: true };
  if (/draft-07/.test(id)) return { dialect: 'draft-07', known: true };
  if (/draft\/2019-09/.test(id)) return { dialect: '2019-09', known: true };
  if (/draft\/2020-12/.test(id)) return { dialect: '2020-12', known: true };
  return { dialect: 'draft-07', known: false };
}

/** Keywords whose value is a schema, a list of schemas, or a map of schemas. */
const SCHEMA_VALUED = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas'];

/** Calls `fn` on every schema object of a document (not inside enum/const/default/example values). */
function eachSchema(node: unknown, fn: (s: Record<string, unknown>) => void): void {
  if (!isRecord(node)) return;
  fn(node);
  for (const k of SCHEMA_VALUED) eachSchema(node[k], fn);
  for (const k of SCHEMA_LISTS) if (Array.isArray(node[k])) for (const v of node[k] as unknown[]) eachSchema(v, fn);
  for (const k of SCHEMA_MAPS) if (isRecord(node[k])) for (const v of Object.values(node[k])) eachSchema(v, fn);
  if (Array.isArray(node.items)) for (const v of node.items) eachSchema(v, fn);
  else eachSchema(node.items, fn);
}

/** OpenAPI 3.0 leftovers in a schema without a draft `$schema` (CRD conversions), read leniently. */
function openApiLeftovers(s: Record<string, unknown>): void {
  for (const [ex, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof s[ex] !== 'boolean') continue;
    if (s[ex] === true && typeof s[bound] === 'number') {
      s[ex] = s[bound];
      delete s[bound];
    } else delete s[ex];
  }
  if (s.nullable !== undefined) {
    if (s.nullable === true && typeof s.type === 'string') s.type = [s.type, 'null'];
    else if (s.nullable === true && Array.isArray(s.type) && !s.type.includes('null')) s.type = [...(s.type as unknown[]), 'null'];
    delete s.nullable;
  }
}

class FileProblem extends Error {}

export class SchemaDirs {
  private readonly byGvk = new Map<string, ResolvedSchema | undefined>();
  private readonly byFile = new Map<string, ResolvedSchema | null>();
  private readonly found: SchemaDirProblem[] = [];
  private readonly instances = new Map<Dialect, AjvLike>();
  /** Parsed files (or why they could not be read), so a file is read once. */
  private readonly docs = new Map<string, { value: unknown } | { error: string }>();

  constructor(private readonly dirs: string[] /* absolute */) {}

  /** The schema for a kind from the first folder and layout that has one. */
  lookup(gvk: GroupVersionKind): ResolvedSchema | undefined {
    const key = gvkKey(gvk);
    if (this.byGvk.has(key)) return this.byGvk.get(key);
    let found: ResolvedSchema | undefined;
    search: for (const dir of this.dirs) {
      for (const rel of candidateFiles(gvk)) {
        const file = path.join(dir, ...rel.split('/'));
        // A kind or group from the input never leads outside the folder.
        if (path.relative(dir, file).startsWith('..') || !existsSync(file)) continue;
        const schema = this.fileSchema(file, gvk);
        if (schema === 'other-kind') continue;
        found = schema ?? undefined;
        break search;
      }
    }
    this.byGvk.set(key, found);
    return found;
  }

  /** Unreadable or invalid schema files met so far (each once). */
  problems(): SchemaDirProblem[] {
    return [...this.found];
  }

  /** The compiled schema of a file; null when the file is broken; 'other-kind' when it declares other kinds. */
  private fileSchema(file: string, gvk: GroupVersionKind): ResolvedSchema | null | 'other-kind' {
    let doc = this.docs.get(file);
    if (doc === undefined) {
      try {
        doc = { value: readJson(file) };
      } catch (e) {
        doc = { error: (e as Error).message };
      }
      this.docs.set(file, doc);
    }
    if ('error' in doc) return this.broken(file, doc.error);
    if (!declaresKind(doc.value, gvk)) return 'other-kind';
    const cached = this.byFile.get(file);
    if (cached !== undefined) return cached;
    let resolved: ResolvedSchema | null;
    try {
      resolved = { validate: this.compile(file, doc.value), origin: { kind: 'schema-dir', file } };
    } catch (e) {
      return this.broken(file, e instanceof FileProblem ? e.message : `Schema file is not a valid JSON Schema (${(e as Error).message})`);
    }
    this.byFile.set(file, resolved);
    return resolved;
  }

  private broken(file: string, message: string): null {
    if (!this.byFile.has(file)) {
      this.byFile.set(file, null);
      this.found.push({ file, message });
    }
    return null;
  }

  private compile(file: string, doc: unknown): ResolvedSchema['validate'] {
    if (typeof doc === 'boolean') return this.ajv('draft-07').compile(doc);
    if (!isRecord(doc)) throw new FileProblem('Schema file is not a JSON Schema (expected a JSON object)');
    const { dialect, known } = dialectOf(doc);
    const schema = structuredClone(doc);
    if (!known) {
      delete schema.$schema;
      eachSchema(schema, openApiLeftovers);
    }
    const ajv = this.ajv(dialect);
    // The file's own URL is its id, so that relative $refs resolve in its folder and two files that
    // declare the same $id do not collide; refs through the declared id are made local.
    const idKey = dialect === 'draft-04' ? 'id' : '$id';
    const declared = typeof schema[idKey] === 'string' ? (schema[idKey] as string).split('#')[0] : undefined;
    const base = pathToFileURL(file).href;
    schema[idKey] = base;
    if (declared) {
      eachSchema(schema, (s) => {
        if (typeof s.$ref === 'string' && s.$ref.split('#')[0] === declared) s.$ref = s.$ref.slice(declared.length) || '#';
      });
    }
    if (!ajv.validateSchema(schema)) throw new FileProblem(`Schema file is not a valid JSON Schema (${schemaErrorsText(ajv.errors ?? [])})`);
    this.addReferenced(ajv, schema, base, path.dirname(file), new Set([base]), !known);
    // A schema compiled before under the same id (the same file for another kind) is reused.
    const existing = ajv.getSchema(base);
    return existing ?? ajv.compile(schema);
  }

  /** Adds the local files that `schema` refers to (and theirs), under the URIs ajv resolves the refs to. */
  private addReferenced(ajv: AjvLike, schema: AnySchemaObject, base: string, dir: string, seen: Set<string>, lenient: boolean): void {
    const refs: string[] = [];
    eachSchema(schema, (s) => {
      if (typeof s.$ref === 'string' && !s.$ref.startsWith('#')) refs.push(s.$ref);
    });
    for (const ref of refs) {
      const uri = ref.split('#')[0];
      let target: URL;
      try {
        target = new URL(uri, base);
      } catch {
        throw new FileProblem(`Schema file has an invalid $ref ${JSON.stringify(ref)}`);
      }
      const key = target.href;
      if (seen.has(key) || ajv.getSchema(key)) continue;
      seen.add(key);
      // A file: URL is a local file; any other URL is looked up by name in the same folder.
      const local = target.protocol === 'file:' ? fileURLToPath(target) : path.join(dir, path.posix.basename(target.pathname));
      if (!existsSync(local)) {
        throw new FileProblem(`Schema file refers to ${JSON.stringify(ref)}, which is not a file in its folder (drydock never downloads schemas)`);
      }
      let referenced: unknown;
      try {
        referenced = readJson(local);
      } catch (e) {
        throw new FileProblem(`Schema file refers to ${JSON.stringify(ref)}, which cannot be read: ${(e as Error).message}`);
      }
      if (!isRecord(referenced)) throw new FileProblem(`Schema file refers to ${JSON.stringify(ref)}, which is not a JSON Schema`);
      const copy = structuredClone(referenced);
      delete copy.$id;
      delete copy.id;
      if (lenient) {
        delete copy.$schema;
        eachSchema(copy, openApiLeftovers);
      }
      this.addReferenced(ajv, copy, key, path.dirname(local), seen, lenient);
      ajv.addSchema(copy, key);
    }
  }

  private ajv(dialect: Dialect): AjvLike {
    let ajv = this.instances.get(dialect);
    if (ajv) return ajv;
    const options = kubernetesAjvOptions();
    switch (dialect) {
      case 'draft-04': {
        let Draft04: typeof import('ajv-draft-04').default;
        try {
          const mod = require('ajv-draft-04') as { default?: typeof Draft04 } & typeof Draft04;
          Draft04 = mod.default ?? mod;
        } catch {
          throw new FileProblem('Schema file is a draft-04 JSON Schema, which needs the ajv-draft-04 package (not installed)');
        }
        ajv = new Draft04(options);
        break;
      }
      case 'draft-06': {
        const a = new Ajv(options);
        a.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
        ajv = a;
        break;
      }
      case '2019-09':
        ajv = new Ajv2019(options);
        break;
      case '2020-12':
        ajv = new Ajv2020(options);
        break;
      default:
        ajv = new Ajv(options);
    }
    this.instances.set(dialect, ajv);
    return ajv;
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FileProblem(`Schema file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new FileProblem(`Schema file is not valid JSON (${(e as Error).message})`);
  }
}

/** False when the schema lists `x-kubernetes-group-version-kind` and this kind is not among them. */
function declaresKind(doc: unknown, gvk: GroupVersionKind): boolean {
  if (!isRecord(doc)) return true;
  const declared = doc['x-kubernetes-group-version-kind'];
  if (!Array.isArray(declared) || declared.length === 0) return true;
  return declared.some((d) => isRecord(d) && (d.group ?? '') === gvk.group && d.version === gvk.version && d.kind === gvk.kind);
}
