/**
 * Differential test of the built-in schemas against kubernetes-models' own precompiled validators
 * (a devDependency): for every corpus object of a kind both know, and for a few mutants of each,
 * the verdicts must agree — ignoring unknown fields, which kubernetes-models does not check. Any
 * other disagreement is a converter bug, unless it is one of the documented exemptions below.
 *
 * Our verdict "ignoring unknown fields" comes from definitions.json compiled here without
 * `additionalProperties: false`; the generated standalone validators are then checked against it
 * (they may only add unknown-field errors).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseApiVersion } from '../../src/k8s/kinds.js';
import { loadInputs } from '../../src/resolver/load.js';
import { BUILTIN_SCHEMA_DIR, builtinValidator } from '../../src/schema/builtin.js';
import { stripNulls } from '../../src/schema/normalize.js';
import { gvkKey, type AjvValidate } from '../../src/schema/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const MODELS_SCHEMAS = path.join(ROOT, 'node_modules', 'kubernetes-models', '_schemas');

type Definitions = Record<string, unknown>;
type Index = { gvks: Record<string, { definition: string }> };
type Path = (string | number)[];

/** The schema without `additionalProperties: false` (maps keep their value schemas). */
function allowUnknownFields(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowUnknownFields);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) if (!(k === 'additionalProperties' && v === false)) out[k] = allowUnknownFields(v);
    return out;
  }
  return schema;
}

/**
 * Checks only kubernetes-models makes, on purpose (an object they reject for these alone and we
 * accept is not a disagreement):
 * - `format: byte` (base64): the .d.ts does not say which strings are base64, so the built-in
 *   schemas do not check it; Secret and ConfigMap values are checked by the config-key-syntax rule.
 * - `format: int32`/`int64` ranges: lost in the .d.ts (every number is an integer, range unchecked).
 */
const THEIR_ONLY_FORMATS = new Set(['byte', 'int32', 'int64']);
function onlyTheirFormats(errors: readonly ErrorObject[]): boolean {
  return errors.length > 0 && errors.every((e) => e.keyword === 'format' && THEIR_ONLY_FORMATS.has(String((e.params as { format?: string }).format)));
}

/**
 * Checks only we make, where kubernetes-models is wrong (an object we reject for these alone and
 * they accept is not a disagreement):
 * - JSONSchemaPropsOrBool / OrArray / OrStringArray (CRD schemas' `additionalProperties`, `items`,
 *   `dependencies`…) are empty interfaces there, so anything passes; ours are the real unions
 *   (`anyOf`), so a wrong type inside them is an error under an `anyOf` error.
 * - Fields named `description` (PriorityClass, CRD columns, JSONSchemaProps…) are never validated by
 *   kubernetes-models: its generator drops every schema key named "description", properties included.
 */
function onlyOurStricterChecks(errors: readonly ErrorObject[]): boolean {
  const anyOfAt = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  return (
    errors.length > 0 &&
    errors.every(
      (e) =>
        anyOfAt.some((at) => e.instancePath === at || e.instancePath.startsWith(`${at}/`)) ||
        (e.keyword === 'type' && e.instancePath.endsWith('/description')),
    )
  );
}

/** Paths of every scalar value, in document order. */
function leafPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leafPaths(v, [...at, k], out);
  else out.push(at);
  return out;
}

function getAt(value: unknown, at: Path): unknown {
  return at.reduce<unknown>((cur, k) => (cur as Record<string | number, unknown>)[k], value);
}

function setAt(value: unknown, at: Path, replacement: unknown): void {
  (getAt(value, at.slice(0, -1)) as Record<string | number, unknown>)[at[at.length - 1]] = replacement;
}

const brief = (errors: readonly ErrorObject[]): string =>
  errors
    .slice(0, 4)
    .map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`)
    .join('; ');

describe('built-in schemas vs kubernetes-models validators', () => {
  it('agree on every corpus object of a kind both know, and on mutants of them', { timeout: 60_000 }, async () => {
    if (!existsSync(CORPUS)) {
      console.log(`builtin differential: skipped, the corpus ${CORPUS} is absent`);
      return;
    }
    const index = (await import(path.join(BUILTIN_SCHEMA_DIR, 'index.json'), { with: { type: 'json' } })).default as Index;
    const { definitions } = (await import(path.join(BUILTIN_SCHEMA_DIR, 'definitions.json'), { with: { type: 'json' } })).default as {
      definitions: Definitions;
    };
    // validateFormats: false — the patterns next to our formats do the same check.
    const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, validateSchema: false, validateFormats: false });
    ajv.addSchema({ $id: 'loose', definitions: allowUnknownFields(definitions) as Definitions });

    const { graph } = await loadInputs([CORPUS], { cwd: CORPUS, ignore: [], namespace: 'default' });
    const theirs = new Map<string, AjvValidate | undefined>();
    const disagreements: string[] = [];
    const stats = { objects: 0, mutants: 0, bothInvalid: 0, unknownFieldsOnly: 0, exempted: 0 };
    const kinds = new Set<string>();

    const compare = (data: unknown, where: string, their: AjvValidate, loose: AjvValidate, strict: AjvValidate): void => {
      const theirValid = their(data);
      const theirErrors = their.errors ?? [];
      const looseValid = loose(data);
      const looseErrors = loose.errors ?? [];
      const strictValid = strict(data);
      const strictErrors = strict.errors ?? [];
      if (!looseValid && !theirValid) stats.bothInvalid++;
      if (looseValid && !strictValid) stats.unknownFieldsOnly++;
      const exempt = looseValid ? onlyTheirFormats(theirErrors) : theirValid && onlyOurStricterChecks(looseErrors);
      if (looseValid !== theirValid && exempt) stats.exempted++;
      if (looseValid !== theirValid && !exempt)
        disagreements.push(
          `${where}: ours ${looseValid ? 'valid' : `invalid (${brief(looseErrors)})`}, kubernetes-models ${theirValid ? 'valid' : `invalid (${brief(theirErrors)})`}`,
        );
      // The generated validator is definitions.json plus unknown-field checks (an unknown field can
      // also fail one branch of an anyOf, so other errors may come with it).
      if (!looseValid && strictValid) disagreements.push(`${where}: the generated validator accepts what definitions.json rejects (${brief(looseErrors)})`);
      if (looseValid && !strictValid && !strictErrors.some((e) => e.keyword === 'additionalProperties'))
        disagreements.push(`${where}: the generated validator rejects more than unknown fields (${brief(strictErrors)})`);
    };

    for (const m of graph.manifests) {
      const { group, version } = parseApiVersion(m.object.apiVersion);
      const gvk = { group, version, kind: m.object.kind };
      const key = gvkKey(gvk);
      const entry = Object.hasOwn(index.gvks, key) ? index.gvks[key] : undefined;
      if (!entry) continue;
      if (!theirs.has(entry.definition)) {
        const file = path.join(MODELS_SCHEMAS, `${entry.definition}.js`);
        const mod = existsSync(file) ? ((await import(`kubernetes-models/_schemas/${entry.definition}`)) as { validate: AjvValidate }) : undefined;
        theirs.set(entry.definition, mod?.validate);
      }
      const their = theirs.get(entry.definition);
      if (!their) continue;
      const loose = ajv.getSchema(`loose#/definitions/${entry.definition}`) as AjvValidate;
      const strict = builtinValidator(gvk)!;
      const where = `${m.source.file}#${m.source.document}${m.source.listItem !== undefined ? `[${m.source.listItem}]` : ''} ${key}`;
      kinds.add(key);

      // Both see the object as the API server does: null map values dropped.
      const data = stripNulls(m.object);
      stats.objects++;
      compare(data, where, their, loose, strict);

      // Mutants: a few leaf values replaced by values of another type, or outside enums and
      // formats, so that all kinds of fields are exercised, not only the corpus' (mostly valid) values.
      const leaves = leafPaths(data);
      for (let k = 0; k < 3 && leaves.length; k++) {
        const leaf = leaves[(stats.objects * 7 + k * 13) % leaves.length];
        const mutant = structuredClone(data);
        const value = getAt(mutant, leaf);
        const replacement = typeof value === 'string' ? (k % 2 ? 42 : 'no-such-value!') : typeof value === 'number' ? 'x1' : 'maybe';
        setAt(mutant, leaf, replacement);
        stats.mutants++;
        compare(mutant, `${where} with ${leaf.join('.')} = ${JSON.stringify(replacement)}`, their, loose, strict);
      }
    }
    console.log(
      `builtin differential: ${stats.objects} corpus objects of ${kinds.size} kinds and ${stats.mutants} mutants compared with kubernetes-models; ` +
        `${stats.bothInvalid} invalid for both, ${stats.unknownFieldsOnly} more invalid for us only through unknown fields, ${stats.exempted} documented differences`,
    );
    expect(disagreements).toEqual([]);
    expect(stats.objects).toBeGreaterThan(1000);
  });
});
