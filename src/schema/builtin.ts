/**
 * drydock's built-in Kubernetes schemas: ajv standalone validators generated at build time by
 * scripts/build-schemas.ts into `generated/schemas/` (one CommonJS module per API group, plus
 * index.json and definitions.json). Nothing is compiled or downloaded at run time: a group's
 * module is `require()`d the first time one of its kinds is validated, and each validator is
 * cached per group/version/kind.
 *
 * The validators expect objects without null map values (see ./normalize.ts stripNulls), report
 * unknown fields as `additionalProperties` errors, and were compiled with `allErrors: true`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gvkKey, type AjvValidate, type GroupVersionKind } from './types.js';

interface BuiltinIndex {
  kubernetesVersion: string;
  source: string;
  /** gvkKey → the group module, its export, and the definitions.json entry of the kind (for hover). */
  gvks: Record<string, { module: string; export: string; definition: string }>;
}

const require = createRequire(import.meta.url);

/**
 * `generated/schemas/` of the package: this file is two levels below the package root both as
 * `src/schema/builtin.ts` (tests, tsx) and as `dist/schema/builtin.js` (the published build).
 */
export const BUILTIN_SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'generated', 'schemas');

function readIndex(): BuiltinIndex {
  const file = path.join(BUILTIN_SCHEMA_DIR, 'index.json');
  if (!existsSync(file)) throw new Error(`drydock's built-in schemas are missing: run npm run build (expected ${file})`);
  return require(file) as BuiltinIndex;
}

const index = readIndex();

/** The Kubernetes minor version the built-in schemas describe, e.g. "1.36". */
export const BUILTIN_KUBERNETES_VERSION: string = index.kubernetesVersion;

const modules = new Map<string, Record<string, AjvValidate | undefined>>();
const validators = new Map<string, AjvValidate | undefined>();
let sortedGvks: readonly string[] | undefined;

/** Every built-in `gvkKey` (`apps/v1/Deployment`, `v1/Pod`, typed lists included), sorted. */
export function builtinGvks(): readonly string[] {
  sortedGvks ??= Object.keys(index.gvks).sort();
  return sortedGvks;
}

/** The built-in validator of a kind, or undefined when the kind is not a built-in one. */
export function builtinValidator(gvk: GroupVersionKind): AjvValidate | undefined {
  const key = gvkKey(gvk);
  if (validators.has(key)) return validators.get(key);
  const entry = Object.hasOwn(index.gvks, key) ? index.gvks[key] : undefined;
  let validate: AjvValidate | undefined;
  if (entry) {
    let mod = modules.get(entry.module);
    if (!mod) {
      const file = path.join(BUILTIN_SCHEMA_DIR, entry.module);
      if (!existsSync(file)) throw new Error(`drydock's built-in schemas are missing: run npm run build (expected ${file})`);
      mod = require(file) as Record<string, AjvValidate | undefined>;
      modules.set(entry.module, mod);
    }
    validate = mod[entry.export];
    if (typeof validate !== 'function') throw new Error(`drydock's built-in schemas are out of date (${entry.module} has no ${entry.export}): run npm run build`);
  }
  validators.set(key, validate);
  return validate;
}

/** The group modules loaded so far (`apps.cjs`, `core.cjs`, …), in load order: for tests and stats. */
export function loadedSchemaModules(): readonly string[] {
  return [...modules.keys()];
}
