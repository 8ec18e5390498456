import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { issuesFromErrors } from '../../src/schema/issues.js';
import { candidateFiles, kubeconformNames, SchemaDirs } from '../../src/schema/schema-dirs.js';
import type { GroupVersionKind, ResolvedSchema } from '../../src/schema/types.js';
import { ROOT } from '../helpers/rule-tester.js';

const DIRS = path.join(ROOT, 'test', 'fixtures', 'schema', 'dirs');
const dir = (name: string): string => path.join(DIRS, name);

const widget: GroupVersionKind = { group: 'example.com', version: 'v1', kind: 'Widget' };

function messages(schema: ResolvedSchema | undefined, data: unknown): string[] {
  expect(schema).toBeDefined();
  if (schema!.validate(data)) return [];
  return issuesFromErrors(schema!.validate.errors ?? [], data, { strict: true }).map((i) => i.message);
}

const obj = (apiVersion: string, kind: string, spec: unknown): Record<string, unknown> => ({ apiVersion, kind, metadata: { name: 'x' }, spec });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kubeconform naming', () => {
  it('builds KindSuffix from the first label of the group and the version, like kubeconform', () => {
    expect(kubeconformNames({ group: 'apps', version: 'v1', kind: 'Deployment' })).toEqual({
      resourceKind: 'deployment',
      kindSuffix: '-apps-v1',
      group: 'apps',
      resourceAPIVersion: 'v1',
    });
    expect(kubeconformNames({ group: '', version: 'v1', kind: 'Service' }).kindSuffix).toBe('-v1');
    expect(kubeconformNames({ group: 'cert-manager.io', version: 'v1', kind: 'Certificate' }).kindSuffix).toBe('-cert-manager-v1');
    expect(candidateFiles({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' })).toEqual([
      'ingress-networking-v1.json',
      'networking.k8s.io/ingress_v1.json',
      'ingress_v1.json',
    ]);
  });
});

describe('SchemaDirs layouts', () => {
  it('finds {{ .ResourceKind }}{{ .KindSuffix }}.json and validates with it', () => {
    const dirs = new SchemaDirs([dir('kubeconform')]);
    const schema = dirs.lookup(widget);
    expect(schema?.origin).toEqual({ kind: 'schema-dir', file: path.join(dir('kubeconform'), 'widget-example-v1.json') });
    expect(messages(schema, obj('example.com/v1', 'Widget', { size: 3, color: 'red' }))).toEqual([]);
    expect(messages(schema, obj('example.com/v1', 'Widget', { size: 'big', colour: 'red' }))).toEqual([
      'spec.colour: unknown field "colour"',
      'spec.size: expected integer, got string "big"',
    ]);
    // The core group has no group label in the suffix.
    const svc = dirs.lookup({ group: '', version: 'v1', kind: 'Service' });
    expect(messages(svc, obj('v1', 'Service', { type: 'Nodeport' }))).toEqual(['spec.type: string "Nodeport" is not one of "ClusterIP", "NodePort"']);
    // Another version of the kind has no file.
    expect(dirs.lookup({ ...widget, version: 'v2' })).toBeUndefined();
    expect(dirs.problems()).toEqual([]);
  });

  it('finds the CRDs-catalog layout {{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json', () => {
    const dirs = new SchemaDirs([dir('catalog')]);
    const schema = dirs.lookup({ group: 'example.com', version: 'v1alpha1', kind: 'Gadget' });
    expect(schema?.origin).toEqual({ kind: 'schema-dir', file: path.join(dir('catalog'), 'example.com', 'gadget_v1alpha1.json') });
    expect(messages(schema, obj('example.com/v1alpha1', 'Gadget', {}))).toEqual(['spec: required field "mode" is missing']);
  });

  it("finds openapi2jsonschema's default {kind}_{version}.json and reads its OpenAPI leftovers leniently", () => {
    const dirs = new SchemaDirs([dir('openapi2jsonschema')]);
    const schema = dirs.lookup({ group: 'example.com', version: 'v1', kind: 'Gizmo' });
    expect(dirs.problems()).toEqual([]);
    // int64 is not a format the API server checks; duration accepts Go durations; int-or-string.
    expect(messages(schema, obj('example.com/v1', 'Gizmo', { replicas: 2, interval: '5m', port: 'http', extra: 1 }))).toEqual([]);
    // OpenAPI 3.0 `exclusiveMinimum: true` with `minimum: 0`.
    expect(messages(schema, obj('example.com/v1', 'Gizmo', { replicas: 0 }))).toEqual(['spec.replicas: must be > 0']);
    expect(messages(schema, obj('example.com/v1', 'Gizmo', { interval: 'soon', port: true }))).toEqual([
      'spec.interval: string "soon" is not a valid duration',
      'spec.port: expected integer or string, got boolean true',
    ]);
  });

  it('searches the folders in order, the first layout that exists winning', () => {
    const dirs = new SchemaDirs([dir('catalog'), dir('kubeconform')]);
    expect(dirs.lookup(widget)?.origin).toEqual({ kind: 'schema-dir', file: path.join(dir('kubeconform'), 'widget-example-v1.json') });
    expect(new SchemaDirs([dir('nowhere'), dir('kubeconform')]).lookup(widget)).toBeDefined();
    expect(new SchemaDirs([]).lookup(widget)).toBeUndefined();
  });

  it('skips a file whose x-kubernetes-group-version-kind names another group (KindSuffix keeps one label only)', () => {
    const dirs = new SchemaDirs([dir('collision')]);
    expect(dirs.lookup({ group: 'networking.other.io', version: 'v1', kind: 'Route' })).toBeUndefined();
    const own = dirs.lookup({ group: 'networking.example.io', version: 'v1', kind: 'Route' });
    expect(messages(own, obj('networking.example.io/v1', 'Route', {}))).toEqual(['spec: required field "host" is missing']);
  });

  it('resolves relative $refs to other files of the folder (non-standalone schemas)', () => {
    const dirs = new SchemaDirs([dir('refs')]);
    const schema = dirs.lookup(widget);
    expect(dirs.problems()).toEqual([]);
    expect(messages(schema, { ...obj('example.com/v1', 'Widget', { size: 1, part: { id: 'a' } }), metadata: { name: 'x', labels: { a: 'b' } } })).toEqual([]);
    expect(messages(schema, obj('example.com/v1', 'Widget', { size: 1, part: {}, extra: true }))).toEqual([
      'spec.extra: unknown field "extra"',
      'spec.part: required field "id" is missing',
    ]);
  });

  it('compiles draft-04, draft-06 and 2020-12 schemas by their $schema', () => {
    const dirs = new SchemaDirs([dir('drafts')]);
    const old = dirs.lookup({ group: 'example.com', version: 'v1', kind: 'Old' });
    expect(messages(old, obj('example.com/v1', 'Old', { level: 2 }))).toEqual([]);
    expect(messages(old, obj('example.com/v1', 'Old', { level: 1 }))).toEqual(['spec.level: must be > 1']);
    const six = dirs.lookup({ group: 'example.com', version: 'v1', kind: 'Six' });
    expect(messages(six, obj('example.com/v1', 'Six', { level: 10 }))).toEqual(['spec.level: must be < 10']);
    const recent = dirs.lookup({ group: 'example.com', version: 'v1', kind: 'New' });
    expect(messages(recent, obj('example.com/v1', 'New', { level: 6 }))).toEqual(['spec.level: must be <= 5']);
    // A $ref through the schema's own absolute $id stays inside the file (nothing is downloaded).
    const self = dirs.lookup({ group: 'example.com', version: 'v1', kind: 'SelfRef' });
    expect(messages(self, obj('example.com/v1', 'SelfRef', { level: 0 }))).toEqual(['spec.level: must be >= 1']);
    expect(dirs.problems()).toEqual([]);
  });

  it('never reads a file outside the folder, whatever the kind says', () => {
    const dirs = new SchemaDirs([dir('catalog')]);
    expect(dirs.lookup({ group: 'example.com', version: 'v1', kind: '../kubeconform/Widget' })).toBeUndefined();
    expect(new SchemaDirs([dir('kubeconform')]).lookup({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeDefined();
  });
});

describe('SchemaDirs problems', () => {
  it('reports a file that is not JSON, once, and validates nothing with it', () => {
    const dirs = new SchemaDirs([dir('broken')]);
    expect(dirs.lookup(widget)).toBeUndefined();
    expect(dirs.lookup(widget)).toBeUndefined();
    const problems = dirs.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(path.join(dir('broken'), 'widget-example-v1.json'));
    expect(problems[0].message).toMatch(/^Schema file is not valid JSON \(/);
  });

  it('reports a file that is not a valid schema, and a $ref to a file that is not there', () => {
    const dirs = new SchemaDirs([dir('broken')]);
    expect(dirs.lookup({ group: 'example.com', version: 'v1', kind: 'Gadget' })).toBeUndefined();
    expect(dirs.lookup({ group: 'example.com', version: 'v1', kind: 'Thing' })).toBeUndefined();
    expect(dirs.problems()).toEqual([
      { file: path.join(dir('broken'), 'gadget-example-v1.json'), message: expect.stringMatching(/^Schema file is not a valid JSON Schema \(.*type/) },
      {
        file: path.join(dir('broken'), 'thing-example-v1.json'),
        message: 'Schema file refers to "_missing.json#/definitions/Spec", which is not a file in its folder (drydock never downloads schemas)',
      },
    ]);
  });
});

describe('SchemaDirs caching', () => {
  it('compiles a schema once: a second lookup (and another folder object) does not recompile', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const dirs = new SchemaDirs([dir('kubeconform')]);
    const first = dirs.lookup(widget);
    expect(compile).toHaveBeenCalledTimes(1);
    const second = dirs.lookup(widget);
    expect(second).toBe(first);
    expect(second?.validate).toBe(first?.validate);
    expect(compile).toHaveBeenCalledTimes(1);
    // A lookup that finds nothing is cached too.
    dirs.lookup({ ...widget, kind: 'Nothing' });
    dirs.lookup({ ...widget, kind: 'Nothing' });
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
