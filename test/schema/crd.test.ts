import { describe, expect, it } from 'vitest';
import type { ObjectGraph } from '../../src/resolver/graph.js';
import { loadInputs } from '../../src/resolver/load.js';
import type { Manifest } from '../../src/resolver/manifest.js';
import { crdFieldPath, crdSchemasOf, type CrdSchemas } from '../../src/schema/crd.js';
import { issuesFromErrors } from '../../src/schema/issues.js';
import { stripNulls } from '../../src/schema/normalize.js';
import type { SchemaIssue } from '../../src/schema/types.js';
import { ROOT } from '../helpers/rule-tester.js';

/** The project loader over YAML text given as standard input. */
async function graphOf(text: string): Promise<ObjectGraph> {
  const { graph } = await loadInputs(['-'], { cwd: ROOT, ignore: [], namespace: 'default', stdin: async () => new TextEncoder().encode(text) });
  expect(graph.problems).toEqual([]);
  return graph;
}

/** Indents a YAML block by `n` spaces (to nest a schema in a CRD). */
const indent = (text: string, n: number): string =>
  text
    .trim()
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

/** A v1 CRD for example.com Widget with the given openAPIV3Schema for version v1 (and more versions). */
function crdYaml(schema: string, extraVersions = ''): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
${indent(schema, 10)}
${extraVersions}`;
}

const WIDGET_SCHEMA = `
type: object
properties:
  spec:
    type: object
    required: [replicas]
    properties:
      replicas: { type: integer, minimum: 0 }
      mode: { type: string, enum: [fast, slow] }
      port: { x-kubernetes-int-or-string: true, anyOf: [{ type: integer }, { type: string }], pattern: '^[a-z0-9-]+$' }
      tags: { type: array, items: { type: string } }
      config:
        type: object
        x-kubernetes-preserve-unknown-fields: true
        properties:
          level: { type: integer }
          nested:
            type: object
            properties:
              strict: { type: boolean }
          free: { type: object }
      template:
        type: object
        x-kubernetes-embedded-resource: true
        x-kubernetes-preserve-unknown-fields: true
      pod:
        type: object
        x-kubernetes-embedded-resource: true
        properties:
          spec: { type: object, properties: { image: { type: string } } }
      values:
        type: array
        items: { type: string, nullable: true }
      words:
        type: array
        items: { type: string }
      when: { type: string, format: date-time }
      big: { type: integer, format: int64 }
      code: { type: string, pattern: '(?i)^ab\\z' }
  status:
    type: object
    x-kubernetes-preserve-unknown-fields: true
`;

function widget(spec: string, name = 'w', extra = ''): string {
  return `---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: ${name}${extra}
spec:
${indent(spec, 2)}
`;
}

interface Checked {
  crds: CrdSchemas;
  graph: ObjectGraph;
  /** Issues per custom resource name. */
  issues: Map<string, SchemaIssue[]>;
}

async function check(text: string): Promise<Checked> {
  const graph = await graphOf(text);
  const crds = crdSchemasOf(graph);
  const issues = new Map<string, SchemaIssue[]>();
  for (const m of graph.manifests) {
    if (m.ref.kind === 'CustomResourceDefinition') continue;
    const schema = crds.lookup({ group: m.ref.group, version: m.ref.version, kind: m.ref.kind });
    if (!schema) continue;
    const data = stripNulls(m.object);
    issues.set(m.ref.name, schema.validate(data) ? [] : issuesFromErrors(schema.validate.errors ?? [], data, { strict: true }));
  }
  return { crds, graph, issues };
}

const messagesOf = (c: Checked, name: string): string[] => (c.issues.get(name) ?? []).map((i) => i.message);

function lineOf(m: Manifest, path: readonly (string | number)[], part: 'key' | 'value' = 'value'): number {
  return m.source.map.rangeOf(path, part).range.startLine;
}

describe('CRD schemas: custom resources', () => {
  it('validates a good custom resource silently and gives one issue for one wrong field, at its path', async () => {
    const text = crdYaml(WIDGET_SCHEMA) + widget('replicas: 2\nmode: fast', 'good') + widget('replicas: three\nmode: fast', 'bad');
    const c = await check(text);
    expect(c.crds.problems).toEqual([]);
    expect(c.issues.get('good')).toEqual([]);
    const bad = c.issues.get('bad')!;
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ path: ['spec', 'replicas'], part: 'value', keyword: 'type', message: 'spec.replicas: expected integer, got string "three"' });
    const manifest = c.graph.manifests.find((m) => m.ref.name === 'bad')!;
    const line = text.split('\n').findIndex((l) => l.includes('replicas: three')) + 1;
    expect(lineOf(manifest, bad[0].path)).toBe(line);
    expect(c.crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })?.origin).toEqual({ kind: 'crd', crd: 'widgets.example.com' });
  });

  it('reports an unknown field under a strict node (pruned by the API server, rejected by strict field validation)', async () => {
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nreplicaz: 2\ntags: [a]'));
    expect(c.issues.get('w')).toEqual([
      { path: ['spec', 'replicaz'], part: 'key', keyword: 'additionalProperties', message: 'spec.replicaz: unknown field "replicaz"' },
    ]);
  });

  it('reports unknown top-level fields and checks metadata as ObjectMeta', async () => {
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1', 'w', '\n  lables: { a: b }\n  labels: { tier: 1 }') + 'extra: true\n');
    expect(messagesOf(c, 'w')).toEqual(['extra: unknown field "extra"', 'metadata.lables: unknown field "lables"', 'metadata.labels.tier: expected string, got integer 1']);
  });

  it('keeps unknown fields under x-kubernetes-preserve-unknown-fields, down to nodes that specify properties', async () => {
    const ok = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nconfig: { level: 2, anything: [1, 2], free: { x: 1 }, nested: { strict: true } }'));
    expect(ok.issues.get('w')).toEqual([]);
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nconfig: { level: two, nested: { strict: true, other: 1 } }'));
    expect(messagesOf(c, 'w')).toEqual(['spec.config.level: expected integer, got string "two"', 'spec.config.nested.other: unknown field "other"']);
  });

  it('accepts integers and strings for x-kubernetes-int-or-string, and nothing else', async () => {
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nport: 8080', 'int') + widget('replicas: 1\nport: http', 'str') + widget('replicas: 1\nport: true', 'bool') + widget('replicas: 1\nport: HTTP', 'pattern'));
    expect(c.issues.get('int')).toEqual([]);
    expect(c.issues.get('str')).toEqual([]);
    expect(messagesOf(c, 'bool')).toEqual(['spec.port: expected integer or string, got boolean true']);
    expect(messagesOf(c, 'pattern')).toEqual(['spec.port: does not match the pattern ^[a-z0-9-]+$']);
  });

  it('accepts an x-kubernetes-int-or-string node that also sets a type (the API server replaces the type)', async () => {
    const c = await check(crdYaml('type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      port: { type: string, x-kubernetes-int-or-string: true }') + widget('port: 80'));
    expect(c.crds.problems).toEqual([]);
    expect(c.issues.get('w')).toEqual([]);
  });

  it('allows apiVersion, kind and metadata in an embedded resource and requires apiVersion and kind', async () => {
    const good = await check(
      crdYaml(WIDGET_SCHEMA) +
        widget('replicas: 1\ntemplate: { apiVersion: v1, kind: Pod, metadata: { name: p, labels: { a: b } }, spec: { anything: 1 } }\npod: { apiVersion: v1, kind: Pod, spec: { image: nginx } }'),
    );
    expect(good.issues.get('w')).toEqual([]);
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\ntemplate: { apiVersion: v1, metadata: { nam: p } }\npod: { apiVersion: v1, kind: Pod, spec: { image: nginx, extra: 1 } }'));
    expect(messagesOf(c, 'w')).toEqual([
      'spec.template: required field "kind" is missing',
      'spec.pod.spec.extra: unknown field "extra"',
      'spec.template.metadata.nam: unknown field "nam"',
    ]);
  });

  it('allows null only where the schema is nullable (list items keep their nulls)', async () => {
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nvalues: [a, null]\nwords: [a, null]'));
    expect(messagesOf(c, 'w')).toEqual(['spec.words[1]: expected string, got null']);
  });

  it('checks the formats the API server checks, ignores the others, and runs Go patterns', async () => {
    const good = await check(crdYaml(WIDGET_SCHEMA) + widget("replicas: 1\nwhen: '2024-05-01T10:00:00Z'\nbig: 1\ncode: AB"));
    expect(good.issues.get('w')).toEqual([]);
    const c = await check(crdYaml(WIDGET_SCHEMA) + widget('replicas: 1\nwhen: yesterday\ncode: abc'));
    expect(messagesOf(c, 'w')).toEqual(['spec.code: does not match the pattern (?i)^ab\\z', 'spec.when: string "yesterday" is not a valid date-time']);
  });

  it('keeps a metadata.name restriction of the schema', async () => {
    const schema = 'type: object\nproperties:\n  metadata:\n    type: object\n    properties:\n      name: { type: string, maxLength: 3 }\n  spec: { type: object, x-kubernetes-preserve-unknown-fields: true }';
    const c = await check(crdYaml(schema) + widget('{}', 'toolong'));
    expect(c.crds.problems).toEqual([]);
    expect(messagesOf(c, 'toolong')).toEqual(['metadata.name: must be at most 3 characters long']);
  });

  it('does not require a field that has a default (the API server defaults before it validates)', async () => {
    const schema = 'type: object\nproperties:\n  spec:\n    type: object\n    required: [mode, size]\n    properties:\n      mode: { type: string, default: fast }\n      size: { type: integer }';
    const c = await check(crdYaml(schema) + widget('{}'));
    expect(messagesOf(c, 'w')).toEqual(['spec: required field "size" is missing']);
  });

  it('accepts value validations that only combine required fields (oneOf/not/anyOf) and enforces them', async () => {
    const schema = `type: object
properties:
  spec:
    type: object
    properties:
      match:
        type: object
        properties:
          exact: { type: string }
          prefix: { type: string }
        oneOf:
          - not: { anyOf: [{ required: [exact] }, { required: [prefix] }] }
          - required: [exact]
          - required: [prefix]`;
    const c = await check(crdYaml(schema) + widget('match: { exact: a }', 'one') + widget('match: { exact: a, prefix: b }', 'both'));
    expect(c.crds.problems).toEqual([]);
    expect(c.issues.get('one')).toEqual([]);
    expect(c.issues.get('both')!.map((i) => i.path)).toEqual([['spec', 'match']]);
  });

  it('prunes everything under an object without properties that does not preserve unknown fields', async () => {
    const c = await check(crdYaml('type: object\nproperties:\n  spec: { type: object }') + widget('a: 1'));
    expect(messagesOf(c, 'w')).toEqual(['spec.a: unknown field "a"']);
  });

  it('has no schema for an unserved version, which still counts as defined', async () => {
    const extra = `    - name: v2
      served: false
      storage: false
      schema:
        openAPIV3Schema: { type: object }`;
    const c = await check(crdYaml(WIDGET_SCHEMA, extra));
    expect(c.crds.lookup({ group: 'example.com', version: 'v2', kind: 'Widget' })).toBeUndefined();
    expect(c.crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeDefined();
    expect(c.crds.lookup({ group: 'example.com', version: 'v3', kind: 'Widget' })).toBeUndefined();
    expect(c.crds.lookup({ group: 'other.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
    expect(c.crds.definedKinds()).toEqual(new Set(['example.com/Widget']));
    expect(c.crds.serves({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBe(true);
    expect(c.crds.serves({ group: 'example.com', version: 'v2', kind: 'Widget' })).toBe(false);
    expect(c.crds.problems).toEqual([]);
  });

  it('compiles a version lazily, once', async () => {
    const c = await check(crdYaml(WIDGET_SCHEMA));
    const gvk = { group: 'example.com', version: 'v1', kind: 'Widget' };
    const first = c.crds.lookup(gvk);
    expect(first).toBeDefined();
    expect(c.crds.lookup(gvk)).toBe(first);
  });
});

describe('CRD schemas: apiextensions.k8s.io/v1beta1', () => {
  const v1beta1 = (extra: string) => `apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  version: v1alpha1
  names: { kind: Gadget, plural: gadgets }
  scope: Namespaced${extra}
  validation:
    openAPIV3Schema:
      properties:
        spec:
          properties:
            size: { type: integer }
---
apiVersion: example.com/v1alpha1
kind: Gadget
metadata: { name: g }
spec: { size: big, unknown: 1 }
`;

  it('validates with spec.validation and keeps unknown fields (preserveUnknownFields defaults to true)', async () => {
    const c = await check(v1beta1(''));
    expect(c.crds.problems).toEqual([]);
    expect(messagesOf(c, 'g')).toEqual(['spec.size: expected integer, got string "big"']);
  });

  it('prunes unknown fields with preserveUnknownFields: false', async () => {
    const c = await check(v1beta1('\n  preserveUnknownFields: false'));
    expect(messagesOf(c, 'g')).toEqual(['spec.unknown: unknown field "unknown"', 'spec.size: expected integer, got string "big"']);
  });
});

describe('CRD schemas: problems', () => {
  const schemaPath = ['spec', 'versions', 0, 'schema', 'openAPIV3Schema'];

  async function problemsOf(schema: string): Promise<{ crds: CrdSchemas; problems: { path: readonly (string | number)[]; message: string }[] }> {
    const crds = crdSchemasOf(await graphOf(crdYaml(schema)));
    return { crds, problems: crds.problems.map((p) => ({ path: p.path, message: p.message })) };
  }

  it('reports a node with properties but no type, at that node, and validates nothing with the version', async () => {
    const { crds, problems } = await problemsOf('type: object\nproperties:\n  spec:\n    properties:\n      size: { type: integer }');
    expect(crds.serves({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBe(true);
    expect(problems).toEqual([
      {
        path: [...schemaPath, 'properties', 'spec'],
        message:
          'spec.versions[0].schema.openAPIV3Schema.properties[spec]: type must not be empty for specified object fields (only nodes with x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields may omit it), so the API server rejects the CustomResourceDefinition',
      },
    ]);
    expect(crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });

  it('reports $ref, additionalProperties beside properties, uniqueItems and int-or-string with preserve-unknown-fields', async () => {
    const { problems } = await problemsOf(`type: object
properties:
  spec:
    type: object
    additionalProperties: false
    properties:
      a: { $ref: '#/definitions/A' }
      b: { type: array, items: { type: string }, uniqueItems: true }
      c: { x-kubernetes-int-or-string: true, x-kubernetes-preserve-unknown-fields: true }`);
    expect(problems.map((p) => crdFieldPath(p.path))).toEqual([
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].additionalProperties',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[a].$ref',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[a]',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[b].uniqueItems',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[c].x-kubernetes-preserve-unknown-fields',
    ]);
    expect(problems[0].message).toMatch(/additionalProperties and properties are mutual exclusive/);
  });

  it('reports metadata restrictions beyond name and generateName, and types inside value validations', async () => {
    const { problems } = await problemsOf(`type: object
properties:
  metadata:
    type: object
    description: our metadata
    properties:
      labels: { type: object }
  spec:
    type: object
    properties:
      port: { x-kubernetes-int-or-string: true, anyOf: [{ type: integer }, { type: string }] }
      size: { type: integer, oneOf: [{ type: integer, minimum: 1 }] }`);
    expect(problems.map((p) => crdFieldPath(p.path))).toEqual([
      'spec.versions[0].schema.openAPIV3Schema.properties[metadata].description',
      'spec.versions[0].schema.openAPIV3Schema.properties[metadata].properties[labels]',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[size].oneOf[0].type',
    ]);
  });

  it('reports a schema that is not valid JSON Schema, at the bad keyword', async () => {
    const { crds, problems } = await problemsOf('type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      name: { type: string, minLength: -1 }');
    expect(problems).toEqual([
      {
        path: [...schemaPath, 'properties', 'spec', 'properties', 'name', 'minLength'],
        message:
          'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[name].minLength: not a valid schema (must be >= 0), so the API server rejects the CustomResourceDefinition',
      },
    ]);
    expect(crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });

  it('leaves a wrongly typed keyword to the CRD\'s own schema (one finding), and validates nothing with the version', async () => {
    const { crds, problems } = await problemsOf('type: object\nproperties:\n  spec:\n    type: object\n    required: replicas\n    properties:\n      replicas: { type: integer }');
    expect(problems).toEqual([]);
    expect(crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
    const shapes = await problemsOf('type: object\nproperties:\n  spec: [type, object]');
    expect(shapes.problems).toEqual([]);
    expect(shapes.crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });

  it('reports a served v1 version without a schema, at the version', async () => {
    const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  scope: Namespaced
  names: { kind: Widget, plural: widgets }
  versions:
    - name: v1
      served: true
      storage: true
`;
    const graph = await graphOf(text);
    const crds = crdSchemasOf(graph);
    expect(crds.lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
    expect(crds.problems).toHaveLength(1);
    expect(crds.problems[0].path).toEqual(['spec', 'versions', 0]);
    expect(crds.problems[0].message).toMatch(/^spec\.versions\[0\]\.schema\.openAPIV3Schema: version v1 has no schema/);
    expect(lineOf(crds.problems[0].manifest, crds.problems[0].path, crds.problems[0].part)).toBe(9);
  });

  it('points a problem at its line in the CRD', async () => {
    const text = crdYaml('type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      size: { type: int }');
    const crds = crdSchemasOf(await graphOf(text));
    expect(crds.problems).toHaveLength(1);
    const p = crds.problems[0];
    expect(p.message).toMatch(/unsupported type "int"/);
    expect(p.part).toBe('value');
    expect(lineOf(p.manifest, p.path, p.part)).toBe(text.split('\n').findIndex((l) => l.includes('size: { type: int }')) + 1);
  });

  it('points a problem about a node at its key', async () => {
    const text = crdYaml('type: object\nproperties:\n  spec:\n    properties:\n      size: { type: integer }');
    const [p] = crdSchemasOf(await graphOf(text)).problems;
    expect(p.part).toBe('key');
    const range = p.manifest.source.map.rangeOf(p.path, p.part).range;
    const line = text.split('\n').findIndex((l) => l.trim() === 'spec:' && l.startsWith('            ')) + 1;
    expect(range).toMatchObject({ startLine: line, endLine: line });
  });
});
