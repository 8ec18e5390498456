import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { ObjectGraph } from '../../src/resolver/graph.js';
import type { KubeObject, RawManifest } from '../../src/resolver/manifest.js';
import { SourceFile } from '../../src/resolver/source-file.js';
import { parseYamlFile } from '../../src/resolver/parse.js';
import { selectorFromMap, parseLabelSelector } from '../../src/k8s/selector.js';

function raw(object: Record<string, unknown>): RawManifest {
  const file = new SourceFile('x.yaml', '{}');
  const doc = parseYamlFile(file).documents[0];
  return { object: object as KubeObject, source: { file: 'x.yaml', document: 0, map: doc.map } };
}

const deployment = (name: string, ns: string | undefined, labels: Record<string, string>) =>
  raw({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(ns ? { namespace: ns } : {}) },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  });

describe('ObjectGraph', () => {
  it('defaults namespaces for namespaced kinds only, and reads CRD scopes', () => {
    const g = new ObjectGraph(
      [
        deployment('a', undefined, { app: 'a' }),
        raw({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }),
        raw({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
        raw({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' } }),
        raw({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Widget' } } }),
      ],
      [],
      { defaultNamespace: 'team' },
    );
    expect(g.ofKind('Deployment')[0].ref).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'team', name: 'a' });
    expect(g.ofKind('Namespace')[0].ref.namespace).toBeUndefined();
    expect(g.ofKind('Widget')[0].ref.namespace).toBeUndefined();
    expect(g.ofKind('Gadget')[0].ref.namespace).toBe('team');
    expect(g.get({ group: 'apps', kind: 'Deployment', namespace: 'team', name: 'a' })?.ref.name).toBe('a');
    expect(g.get({ group: 'apps', kind: 'Deployment', namespace: 'default', name: 'a' })).toBeUndefined();
    expect(g.namespaceNames()).toEqual(new Set(['shop']));
  });

  it('selects pod templates by labels within a namespace', () => {
    const g = new ObjectGraph(
      [deployment('web', 'shop', { app: 'web', tier: 'fe' }), deployment('api', 'shop', { app: 'api' }), deployment('web2', 'other', { app: 'web' })],
      [],
      { defaultNamespace: 'default' },
    );
    expect(g.selectPodTemplates('shop', selectorFromMap({ app: 'web' })).map((t) => t.manifest.ref.name)).toEqual(['web']);
    const expr = parseLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] });
    if (!expr.ok) throw new Error(expr.error);
    expect(g.selectPodTemplates('shop', expr.selector).map((t) => t.manifest.ref.name).sort()).toEqual(['api', 'web']);
    expect(g.selectPodTemplates('nowhere', selectorFromMap({ app: 'web' }))).toEqual([]);
    expect(g.select('shop', selectorFromMap({}), 'Deployment')).toHaveLength(2);
  });

  it('answers selector queries on 100,000 pod templates without scanning them all', () => {
    const many: RawManifest[] = [];
    for (let i = 0; i < 100_000; i++) many.push(deployment(`d${i}`, `ns${i % 100}`, { app: `app-${i}`, team: `t${i % 10}` }));
    const g = new ObjectGraph(many, [], { defaultNamespace: 'default' });
    let found = 0;
    for (let i = 0; i < 100_000; i += 10) found += g.selectPodTemplates(`ns${i % 100}`, selectorFromMap({ app: `app-${i}`, team: `t${i % 10}` })).length;
    expect(found).toBe(10_000);
  });

  it('keeps items of kind: List as objects with positions inside the list', async () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: s\n    spec:\n      selector:\n        app: none\n      ports:\n        - port: 80\n';
    const r = await lint(['-'], { stdin: async () => new TextEncoder().encode(text) });
    const f = r.findings.find((x) => x.ruleId === 'dangling-service');
    expect(f?.location.range.startLine).toBe(10);
    expect(r.stats.objects).toBe(1);
  });
});
