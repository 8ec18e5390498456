/**
 * Generates drydock's built-in Kubernetes schemas (run by `npm run build`, with tsx).
 *
 *   kubernetes-models/**.d.ts + @kubernetes-models/apimachinery/**.d.ts
 *     → typescript-estree AST → JSON Schema (generated/schemas/definitions.json, with descriptions)
 *     → ajv standalone validators, one CommonJS module per API group (generated/schemas/<group>.cjs)
 *     → generated/schemas/index.json: { kubernetesVersion, source, gvks: { "apps/v1/Deployment": { module, export, definition } } }
 *
 * Conversion rules (see also src/schema/builtin.ts):
 * - interface → object schema: `properties`, `required` (members without `?`), descriptions from the
 *   doc comments, `additionalProperties: false` (unknown fields are errors, like kubectl's strict
 *   field validation). An inline `{ [key: string]: T }` is a map: `additionalProperties: T`.
 * - Empty interfaces are the "any JSON" types (RawExtension, JSON, FieldsV1, Patch) → `{}`, except
 *   JSONSchemaPropsOr{Bool,Array,StringArray} (precise unions) and CustomResourceSubresourceStatus
 *   (an empty object).
 * - Literal unions → `enum`; one literal → `const` (so a kind only accepts its own apiVersion/kind).
 * - `number` → integer: every numeric field of the Kubernetes API is int32/int64 except
 *   JSONSchemaProps' maximum, minimum and multipleOf (format double) → number.
 * - Named types: IntOrString → integer|string (x-kubernetes-int-or-string); Quantity → string|number,
 *   strings in the quantity grammar (format `quantity`); Time and MicroTime → RFC 3339 strings
 *   (format `date-time`). definitions.json carries each format's regex as `pattern` too; the
 *   validators check the format (errors then say "is not a valid quantity").
 * - null is never allowed: the `schema` rule strips nulls (the API server reads null as "not set").
 * - Top-level kinds: every class with static apiVersion and kind, typed `*List` kinds included (the
 *   resolver expands lists before validation, but a list validated as a whole still checks its items).
 *
 * Not checked (the .d.ts has lost it): int32/int64 ranges, `format: byte` base64 (Secret and
 * ConfigMap values are checked by the config-key-syntax rule).
 *
 * Output is deterministic (sorted files, definitions and kinds; one ajv instance compiling in that
 * order). test/schema/builtin-differential.test.ts compares the result with kubernetes-models' own
 * validators over the corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { Ajv, type AnySchemaObject } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

// A CommonJS module: `module.exports` is the function (and also its `.default`).
type StandaloneCode = typeof standaloneModule.default;
const standaloneCode: StandaloneCode = (standaloneModule as unknown as { default?: StandaloneCode }).default ?? (standaloneModule as unknown as StandaloneCode);

type Schema = Record<string, unknown>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'generated', 'schemas');

/** kubernetes-models release → the Kubernetes minor version its API definitions come from. */
const KUBERNETES_VERSION_OF: Readonly<Record<string, string>> = { '5.1.0': '1.36' };

/** JSONSchemaProps fields that are `format: double` in the OpenAPI spec; every other number is an integer. */
const FLOAT_FIELDS = new Set(['maximum', 'minimum', 'multipleOf']);

/** Kubernetes quantity grammar (apimachinery ParseQuantity; docs/k8s-semantics.md 1.1). */
export const QUANTITY_PATTERN = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$';
/** RFC 3339 as Go's time.Parse(time.RFC3339) reads it (metav1.Time, metav1.MicroTime). */
export const RFC3339_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$';

/**
 * The formats of the named types above, compiled into the validators instead of their `pattern` so
 * that errors name them (`keyword: 'format', params: { format: 'quantity' }`). definitions.json keeps
 * both the format and the pattern, so it works with any JSON Schema validator.
 */
const FORMATS: Readonly<Record<string, RegExp>> = { quantity: new RegExp(QUANTITY_PATTERN), 'date-time': new RegExp(RFC3339_PATTERN) };

/** Canonical names (the `IoK8s…` aliases) of the named types whose schema is fixed here. */
function specialSchema(name: string): Schema | undefined {
  const jsonSchemaProps = (v: string): Schema => ({ $ref: `#/definitions/IoK8sApiextensionsApiserverPkgApisApiextensions${v}JSONSchemaProps` });
  const m = /^IoK8sApiextensionsApiserverPkgApisApiextensions(V1|V1beta1)(JSONSchemaPropsOrBool|JSONSchemaPropsOrArray|JSONSchemaPropsOrStringArray|CustomResourceSubresourceStatus)$/.exec(name);
  if (m) {
    const props = jsonSchemaProps(m[1]);
    switch (m[2]) {
      case 'JSONSchemaPropsOrBool':
        return { anyOf: [{ type: 'boolean' }, props] };
      case 'JSONSchemaPropsOrArray':
        return { anyOf: [props, { type: 'array', items: props }] };
      case 'JSONSchemaPropsOrStringArray':
        return { anyOf: [props, { type: 'array', items: { type: 'string' } }] };
      default:
        return { type: 'object' };
    }
  }
  switch (name) {
    case 'IoK8sApimachineryPkgUtilIntstrIntOrString':
      return { type: ['integer', 'string'], 'x-kubernetes-int-or-string': true };
    case 'IoK8sApimachineryPkgApiResourceQuantity':
      return { type: ['string', 'number'], format: 'quantity', pattern: QUANTITY_PATTERN };
    case 'IoK8sApimachineryPkgApisMetaV1Time':
    case 'IoK8sApimachineryPkgApisMetaV1MicroTime':
      return { type: 'string', format: 'date-time', pattern: RFC3339_PATTERN };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the declarations

interface DeclFile {
  rel: string;
  text: string;
  ast: TSESTree.Program;
  comments: TSESTree.Comment[];
  /** local name (IDeployment, Deployment) → canonical name (IoK8sApiAppsV1Deployment) */
  local: Map<string, string>;
}

interface TopLevelKind {
  group: string;
  version: string;
  kind: string;
  definition: string;
}

function packageDir(name: string, from = ROOT): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`build-schemas: cannot find the package ${name}; run npm install`);
  }
}

function declarationFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === '_schemas' || entry.name === 'node_modules' || entry.name === 'dist') continue;
      out.push(...declarationFiles(dir, child));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(child);
  }
  return out;
}

function readDeclarations(dir: string, label: string): DeclFile[] {
  return declarationFiles(dir).map((rel) => {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const ast = parse(text, { comment: true, range: true, loc: false, jsDocParsingMode: 'none' });
    const local = new Map<string, string>();
    for (const stmt of ast.body) {
      // export type { IDeployment as IIoK8sApiAppsV1Deployment, Deployment as IoK8sApiAppsV1Deployment };
      if (stmt.type === AST_NODE_TYPES.ExportNamedDeclaration && !stmt.declaration && !stmt.source) {
        for (const spec of stmt.specifiers) {
          const from = spec.local.name;
          const to = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String((spec.exported as TSESTree.StringLiteral).value);
          if (to.startsWith('IIoK8s')) local.set(from, to.slice(1));
        }
      }
    }
    return { rel: `${label}/${rel}`, text, ast, comments: ast.comments ?? [], local };
  });
}

/** The doc comment right before a node (only whitespace between), as plain text. */
function docComment(file: DeclFile, text: string, node: TSESTree.Node): string | undefined {
  let best: TSESTree.Comment | undefined;
  for (const c of file.comments) {
    if (c.range[1] > node.range[0]) break;
    best = c;
  }
  if (!best || best.type !== 'Block' || !best.value.startsWith('*')) return undefined;
  if (text.slice(best.range[1], node.range[0]).trim() !== '' && !/^export(\s+declare)?$/.test(text.slice(best.range[1], node.range[0]).trim())) return undefined;
  const lines = best.value
    .slice(1)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines.join('\n') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Converting

class Converter {
  readonly definitions: Record<string, Schema> = {};
  readonly kinds: TopLevelKind[] = [];
  private readonly known = new Set<string>();

  constructor(private readonly files: DeclFile[]) {
    for (const f of files) for (const canonical of f.local.values()) this.known.add(canonical);
  }

  run(): void {
    for (const file of this.files) {
      const text = file.text;
      for (const stmt of file.ast.body) {
        const decl = stmt.type === AST_NODE_TYPES.ExportNamedDeclaration ? stmt.declaration : stmt;
        if (!decl) continue;
        if (decl.type === AST_NODE_TYPES.TSInterfaceDeclaration) this.addInterface(file, text, decl, stmt);
        else if (decl.type === AST_NODE_TYPES.TSTypeAliasDeclaration) this.addAlias(file, text, decl, stmt);
        else if (decl.type === AST_NODE_TYPES.ClassDeclaration) this.addClass(file, decl);
      }
    }
    for (const [name, schema] of Object.entries(this.definitions)) {
      for (const ref of refsOf(schema)) if (!this.definitions[ref]) throw new Error(`build-schemas: ${name} refers to the unknown definition ${ref}`);
    }
  }

  private canonical(file: DeclFile, local: string): string {
    const c = file.local.get(local);
    if (c) return c;
    if (local.startsWith('IIoK8s') && this.known.has(local.slice(1))) return local.slice(1);
    throw new Error(`build-schemas: ${file.rel}: unknown type ${local}`);
  }

  private define(name: string, schema: Schema, file: DeclFile): void {
    if (this.definitions[name]) throw new Error(`build-schemas: ${file.rel}: ${name} is defined twice`);
    this.definitions[name] = schema;
  }

  private addAlias(file: DeclFile, text: string, decl: TSESTree.TSTypeAliasDeclaration, stmt: TSESTree.Node): void {
    const name = file.local.get(decl.id.name);
    if (!name) return; // `export type IntOrString = IIntOrString;` (the class-name alias)
    const special = specialSchema(name);
    const schema = special ?? this.typeSchema(file, text, decl.typeAnnotation, name, '');
    const description = docComment(file, text, stmt);
    this.define(name, description ? { description, ...schema } : schema, file);
  }

  private addInterface(file: DeclFile, text: string, decl: TSESTree.TSInterfaceDeclaration, stmt: TSESTree.Node): void {
    const name = file.local.get(decl.id.name);
    if (!name) throw new Error(`build-schemas: ${file.rel}: interface ${decl.id.name} has no canonical alias`);
    for (const h of decl.extends) {
      const base = h.expression.type === AST_NODE_TYPES.Identifier ? h.expression.name : '?';
      if (base !== 'TypeMeta') throw new Error(`build-schemas: ${file.rel}: ${decl.id.name} extends ${base}`);
    }
    const description = docComment(file, text, stmt);
    const special = specialSchema(name);
    let schema: Schema;
    if (special) schema = special;
    else if (decl.body.body.length === 0) schema = {}; // RawExtension, JSON, FieldsV1, Patch: any JSON value
    else schema = this.objectSchema(file, text, decl.body.body, name);
    this.define(name, description ? { description, ...schema } : schema, file);
  }

  private addClass(file: DeclFile, decl: TSESTree.ClassDeclaration): void {
    const statics = new Set<string>();
    for (const m of decl.body.body) {
      if (m.type === AST_NODE_TYPES.PropertyDefinition && m.static && m.key.type === AST_NODE_TYPES.Literal) statics.add(String(m.key.value));
      if (m.type === AST_NODE_TYPES.PropertyDefinition && m.static && m.key.type === AST_NODE_TYPES.Identifier) statics.add(m.key.name);
    }
    if (!statics.has('apiVersion') || !statics.has('kind')) return;
    const name = file.local.get(`I${decl.id!.name}`);
    if (!name) throw new Error(`build-schemas: ${file.rel}: class ${decl.id!.name} has no interface`);
    const iface = file.ast.body
      .map((s) => (s.type === AST_NODE_TYPES.ExportNamedDeclaration ? s.declaration : s))
      .find((d): d is TSESTree.TSInterfaceDeclaration => d?.type === AST_NODE_TYPES.TSInterfaceDeclaration && d.id.name === `I${decl.id!.name}`)!;
    const literal = (key: string): string => {
      const member = iface.body.body.find((m) => m.type === AST_NODE_TYPES.TSPropertySignature && propertyName(m) === key) as TSESTree.TSPropertySignature | undefined;
      const t = member?.typeAnnotation?.typeAnnotation;
      if (t?.type !== AST_NODE_TYPES.TSLiteralType || t.literal.type !== AST_NODE_TYPES.Literal || typeof t.literal.value !== 'string')
        throw new Error(`build-schemas: ${file.rel}: ${key} of ${decl.id!.name} is not a string literal`);
      return t.literal.value;
    };
    const apiVersion = literal('apiVersion');
    const slash = apiVersion.indexOf('/');
    this.kinds.push({
      group: slash < 0 ? '' : apiVersion.slice(0, slash),
      version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
      kind: literal('kind'),
      definition: name,
    });
  }

  private objectSchema(file: DeclFile, text: string, members: readonly TSESTree.TypeElement[], owner: string): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let additional: Schema | false = false;
    for (const m of members) {
      if (m.type === AST_NODE_TYPES.TSPropertySignature) {
        const key = propertyName(m);
        if (!m.typeAnnotation) throw new Error(`build-schemas: ${file.rel}: ${owner}.${key} has no type`);
        const schema = this.typeSchema(file, text, m.typeAnnotation.typeAnnotation, owner, key);
        const description = docComment(file, text, m);
        properties[key] = description ? { description, ...schema } : schema;
        if (!m.optional) required.push(key);
      } else if (m.type === AST_NODE_TYPES.TSIndexSignature) {
        if (!m.typeAnnotation) throw new Error(`build-schemas: ${file.rel}: index signature without type in ${owner}`);
        additional = this.typeSchema(file, text, m.typeAnnotation.typeAnnotation, owner, '');
      } else {
        throw new Error(`build-schemas: ${file.rel}: unsupported member ${m.type} in ${owner}`);
      }
    }
    const schema: Schema = { type: 'object' };
    if (Object.keys(properties).length) schema.properties = properties;
    if (required.length) schema.required = required;
    schema.additionalProperties = additional;
    return schema;
  }

  private typeSchema(file: DeclFile, text: string, t: TSESTree.TypeNode, owner: string, field: string): Schema {
    switch (t.type) {
      case AST_NODE_TYPES.TSStringKeyword:
        return { type: 'string' };
      case AST_NODE_TYPES.TSBooleanKeyword:
        return { type: 'boolean' };
      case AST_NODE_TYPES.TSNumberKeyword:
        return { type: /JSONSchemaProps$/.test(owner) && FLOAT_FIELDS.has(field) ? 'number' : 'integer' };
      case AST_NODE_TYPES.TSAnyKeyword:
      case AST_NODE_TYPES.TSUnknownKeyword:
        return {};
      case AST_NODE_TYPES.TSLiteralType:
        return { const: literalValue(file, t) };
      case AST_NODE_TYPES.TSUnionType: {
        if (t.types.every((x) => x.type === AST_NODE_TYPES.TSLiteralType)) return { enum: t.types.map((x) => literalValue(file, x as TSESTree.TSLiteralType)) };
        throw new Error(`build-schemas: ${file.rel}: unsupported union in ${owner}.${field}: ${text.slice(t.range[0], t.range[1])}`);
      }
      case AST_NODE_TYPES.TSArrayType:
        return { type: 'array', items: this.typeSchema(file, text, t.elementType, owner, field) };
      case AST_NODE_TYPES.TSTypeLiteral:
        return this.objectSchema(file, text, t.members, owner);
      case AST_NODE_TYPES.TSTypeReference: {
        const name = t.typeName.type === AST_NODE_TYPES.Identifier ? t.typeName.name : '';
        const args = t.typeArguments?.params ?? [];
        if (name === 'Array' && args.length === 1) return { type: 'array', items: this.typeSchema(file, text, args[0], owner, field) };
        if (!name || args.length) throw new Error(`build-schemas: ${file.rel}: unsupported type ${text.slice(t.range[0], t.range[1])} in ${owner}.${field}`);
        return { $ref: `#/definitions/${this.canonical(file, name)}` };
      }
      default:
        throw new Error(`build-schemas: ${file.rel}: unsupported type ${t.type} in ${owner}.${field}: ${text.slice(t.range[0], t.range[1])}`);
    }
  }
}

function propertyName(m: TSESTree.TSPropertySignature): string {
  if (m.key.type === AST_NODE_TYPES.Literal) return String(m.key.value);
  if (m.key.type === AST_NODE_TYPES.Identifier) return m.key.name;
  throw new Error(`build-schemas: unsupported property key ${m.key.type}`);
}

function literalValue(file: DeclFile, t: TSESTree.TSLiteralType): string | number | boolean {
  if (t.literal.type === AST_NODE_TYPES.Literal && (typeof t.literal.value === 'string' || typeof t.literal.value === 'number' || typeof t.literal.value === 'boolean'))
    return t.literal.value;
  throw new Error(`build-schemas: ${file.rel}: unsupported literal ${t.literal.type}`);
}

function refsOf(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const s of schema) refsOf(s, out);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') out.push(v.replace('#/definitions/', ''));
      else refsOf(v, out);
    }
  }
  return out;
}

/**
 * The schema as compiled: without annotations (descriptions: smaller code), and without the
 * `pattern` of our own formats (checked once, through the format).
 */
function compilable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compilable);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    const ownFormat = typeof (schema as Schema).format === 'string' && Object.hasOwn(FORMATS, (schema as Schema).format as string);
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'description' && typeof v === 'string') continue;
      if (k === 'pattern' && typeof v === 'string' && ownFormat) continue;
      out[k] = compilable(v);
    }
    return out;
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Main

export function groupModuleName(group: string): string {
  return `${group === '' ? 'core' : group}.cjs`;
}

function exportName(k: TopLevelKind): string {
  return `${k.version}_${k.kind}`;
}

function gvkKey(k: { group: string; version: string; kind: string }): string {
  return k.group === '' ? `${k.version}/${k.kind}` : `${k.group}/${k.version}/${k.kind}`;
}

function main(): void {
  const t0 = performance.now();
  const modelsDir = packageDir('kubernetes-models');
  const modelsVersion = (JSON.parse(readFileSync(path.join(modelsDir, 'package.json'), 'utf8')) as { version: string }).version;
  const kubernetesVersion = KUBERNETES_VERSION_OF[modelsVersion];
  if (!kubernetesVersion) throw new Error(`build-schemas: kubernetes-models@${modelsVersion} is not in KUBERNETES_VERSION_OF; add its Kubernetes version`);
  const apimachineryDir = packageDir('@kubernetes-models/apimachinery', modelsDir);

  const files = [...readDeclarations(modelsDir, 'kubernetes-models'), ...readDeclarations(apimachineryDir, '@kubernetes-models/apimachinery')];
  const converter = new Converter(files);
  converter.run();
  const t1 = performance.now();

  const names = Object.keys(converter.definitions).sort();
  const definitions: Record<string, Schema> = {};
  for (const n of names) definitions[n] = converter.definitions[n];
  const kinds = converter.kinds.sort((a, b) => (gvkKey(a) < gvkKey(b) ? -1 : gvkKey(a) > gvkKey(b) ? 1 : 0));
  const seen = new Set<string>();
  for (const k of kinds) {
    if (seen.has(gvkKey(k))) throw new Error(`build-schemas: ${gvkKey(k)} is defined twice`);
    seen.add(gvkKey(k));
  }

  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    inlineRefs: false,
    validateSchema: false,
    // Error objects without `message`: src/schema/issues.ts writes the messages.
    messages: false,
    formats: FORMATS,
    code: { source: true, esm: false, lines: false },
  });
  ajv.addSchema({ $id: 'k8s', definitions: compilable(definitions) as AnySchemaObject['definitions'] });

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const groups = [...new Set(kinds.map((k) => k.group))].sort();
  const gvks: Record<string, { module: string; export: string; definition: string }> = {};
  const sizes: Record<string, number> = {};
  for (const group of groups) {
    const refs: Record<string, string> = {};
    for (const k of kinds.filter((x) => x.group === group)) {
      refs[exportName(k)] = `k8s#/definitions/${k.definition}`;
      gvks[gvkKey(k)] = { module: groupModuleName(group), export: exportName(k), definition: k.definition };
    }
    const code = standaloneCode(ajv, refs);
    const header = `// Generated by scripts/build-schemas.ts from kubernetes-models@${modelsVersion} (Kubernetes ${kubernetesVersion}). Do not edit.\n`;
    const source = header + code + '\n';
    writeFileSync(path.join(OUT_DIR, groupModuleName(group)), source);
    sizes[groupModuleName(group)] = source.length;
  }
  const sortedGvks = Object.fromEntries(Object.keys(gvks).sort().map((k) => [k, gvks[k]]));
  writeFileSync(path.join(OUT_DIR, 'index.json'), JSON.stringify({ kubernetesVersion, source: `kubernetes-models@${modelsVersion}`, gvks: sortedGvks }, null, 1) + '\n');
  const definitionsJson = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', definitions }) + '\n';
  writeFileSync(path.join(OUT_DIR, 'definitions.json'), definitionsJson);
  const t2 = performance.now();

  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `build-schemas: ${files.length} declaration files → ${names.length} definitions, ${kinds.length} kinds in ${groups.length} groups ` +
      `(parse+convert ${Math.round(t1 - t0)} ms, compile+write ${Math.round(t2 - t1)} ms); ` +
      `modules ${kb(total)}, definitions.json ${kb(definitionsJson.length)}`,
  );
  if (process.env.BUILD_SCHEMAS_VERBOSE) for (const [m, s] of Object.entries(sizes)) console.log(`  ${m}: ${kb(s)}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) main();
