/**
 * Which schema validates an object: the built-in schemas of the target Kubernetes version, the
 * CRDs of the input, or the user's schema folders — in that order of precedence for built-in
 * groups, and CRDs before schema folders for custom resources. Everything is built lazily and
 * cached per kind, so linting one small file compiles almost nothing.
 */
import type { ObjectGraph } from '../resolver/graph.js';
import { availabilityIn } from './api-lifecycle.js';
import { BUILTIN_KUBERNETES_VERSION, builtinValidator } from './builtin.js';
import { crdSchemasOf, type CrdProblem, type CrdSchemas } from './crd.js';
import { SchemaDirs } from './schema-dirs.js';
import { gvkKey, type GroupVersionKind, type ResolvedSchema } from './types.js';

export interface SchemaLookup {
  /** The schema to validate with, if any source has one. */
  schema?: ResolvedSchema;
  /** A built-in group/version/kind (whether or not it exists in the target version). */
  builtin: boolean;
  /** The kind is defined by a CRD of the input (in some version). */
  definedByCrd: boolean;
  /** A CRD of the input serves this very version (even when its schema cannot be used). */
  servedByCrd: boolean;
}

export class SchemaRegistry {
  private crds?: CrdSchemas;
  private dirs?: SchemaDirs;
  private readonly cache = new Map<string, SchemaLookup>();

  constructor(
    private readonly graph: ObjectGraph,
    readonly kubernetesVersion: string,
    private readonly schemaDirs: readonly string[],
  ) {}

  lookup(gvk: GroupVersionKind): SchemaLookup {
    const key = gvkKey(gvk);
    let found = this.cache.get(key);
    if (!found) {
      found = this.resolve(gvk);
      this.cache.set(key, found);
    }
    return found;
  }

  /** Problems in the CRDs of the input (reported on the CRDs by the `schema` rule). */
  crdProblems(): readonly CrdProblem[] {
    return this.crdSchemas().problems;
  }

  /** Problems in the user's schema folders (unreadable or invalid schema files). */
  schemaDirProblems(): readonly { file: string; message: string }[] {
    return this.schemaDirs.length ? this.schemaFolders().problems() : [];
  }

  private crdSchemas(): CrdSchemas {
    this.crds ??= crdSchemasOf(this.graph);
    return this.crds;
  }

  private schemaFolders(): SchemaDirs {
    this.dirs ??= new SchemaDirs([...this.schemaDirs]);
    return this.dirs;
  }

  private resolve(gvk: GroupVersionKind): SchemaLookup {
    const validate = builtinValidator(gvk);
    const lifecycle = availabilityIn(gvk, this.kubernetesVersion);
    const builtin = validate !== undefined || lifecycle !== 'unknown';
    const definedByCrd = this.crdSchemas().definedKinds().has(`${gvk.group}/${gvk.kind}`);
    const servedByCrd = this.crdSchemas().serves(gvk);
    if (validate) {
      return { builtin, definedByCrd, servedByCrd, schema: { validate, origin: { kind: 'builtin', kubernetesVersion: BUILTIN_KUBERNETES_VERSION } } };
    }
    const fromCrd = this.crdSchemas().lookup(gvk);
    if (fromCrd) return { builtin, definedByCrd, servedByCrd, schema: fromCrd };
    const fromDir = this.schemaDirs.length ? this.schemaFolders().lookup(gvk) : undefined;
    return { builtin, definedByCrd, servedByCrd, schema: fromDir };
  }
}
