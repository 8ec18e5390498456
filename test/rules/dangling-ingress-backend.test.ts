import { describe, expect, it } from 'vitest';
import {
  defaultIngressClassName,
  formatIngressBackend,
  ingressBackendKey,
  ingressClassOf,
  ingressView,
  normalizeIngressHost,
  normalizeIngressPath,
} from '../../src/k8s/ingress.js';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-ingress-backend');


const findingsOf = (fixture: string) => fixtureFindings('dangling-ingress-backend', fixture);

describe('dangling-ingress-backend details', () => {
  it('reports a missing Service at its name, with the namespace', async () => {
    const found = await findingsOf('fail-missing-service.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([9, 27]);
    expect(found[0].message).toContain('Ingress/default/shop sends the default backend to Service "fallback", which is not in the input in namespace "default"');
    expect(found[1].message).toContain('sends host "shop.example.com" path "/api" to Service "shop-api"');
    expect(found.every((f) => f.severity === 'error' && f.related.length === 0)).toBe(true);
  });

  it('reports a missing port at the port value and relates the Service ports', async () => {
    const [byNumber, byName] = await findingsOf('fail-port-not-exposed.yaml');
    expect(byNumber.location.range.startLine).toBe(17);
    expect(byNumber.message).toContain('to port 8080 of Service/default/web, which exposes only port(s) 80 ("http")');
    expect(byNumber.message).toContain('8080 is a targetPort');
    expect(byNumber.related[0].note).toBe('Service ports');
    expect(byNumber.related[0].range.startLine).toBe(41);
    expect(byName.location.range.startLine).toBe(24);
    expect(byName.message).toContain('to port name "https" of Service/default/web');
  });

  it('reads the old API and treats a quoted servicePort as a name', async () => {
    const found = await findingsOf('fail-old-api.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([8, 16, 20, 36]);
    expect(found[2].message).toContain('port name "80"');
    expect(found[2].message).toContain('read as a port name');
  });

  it('downgrades to a warning when a custom resource may own the Service', async () => {
    const [f] = await findingsOf('fail-operator-service.yaml');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('if the operator of Kibana/elastic/kibana does not create it');
    expect(f.related[0].note).toBe('custom resource that may own the Service');
  });

  it('does not throw on malformed input', async () => {
    const found = await findingsOf('pass-odd-types.yaml');
    expect(found).toEqual([]);
  });
});

describe('k8s/ingress', () => {
  const v1 = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'legacy' } },
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
      rules: [
        { host: 'Web.Example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] } },
        { http: { paths: [{ pathType: 'ImplementationSpecific', backend: { resource: { kind: 'Bucket', name: 'b' } } }] } },
      ],
      tls: [{ hosts: ['web.example.com', 7], secretName: 'web-tls' }],
    },
  };

  it('lists paths and backends of a v1 Ingress with their JSON paths', () => {
    const view = ingressView(v1)!;
    expect(view.api).toBe('v1');
    expect(view.class).toEqual({ name: 'nginx', source: 'ingressClassName', path: ['spec', 'ingressClassName'] });
    expect(view.paths).toHaveLength(2);
    expect(view.paths[0]).toMatchObject({
      host: 'Web.Example.com',
      hostPath: ['spec', 'rules', 0, 'host'],
      path: '/api',
      pathPath: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'],
      pathType: 'Prefix',
    });
    expect(view.paths[1]).toMatchObject({ host: '', hostPath: ['spec', 'rules', 1], path: '', pathPath: ['spec', 'rules', 1, 'http', 'paths', 0] });
    expect(view.backends.map((b) => b.backend.path)).toEqual([
      ['spec', 'defaultBackend'],
      ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'],
      ['spec', 'rules', 1, 'http', 'paths', 0, 'backend'],
    ]);
    expect(view.backends[0].backend).toMatchObject({
      type: 'service',
      serviceName: 'fallback',
      serviceNamePath: ['spec', 'defaultBackend', 'service', 'name'],
      port: { name: 'http' },
      portPath: ['spec', 'defaultBackend', 'service', 'port', 'name'],
    });
    expect(view.backends[2].backend).toMatchObject({ type: 'resource', kind: 'Bucket', name: 'b' });
    expect(view.tls).toEqual([
      { index: 0, path: ['spec', 'tls', 0], hosts: [{ host: 'web.example.com', path: ['spec', 'tls', 0, 'hosts', 0] }], secretName: 'web-tls', secretNamePath: ['spec', 'tls', 0, 'secretName'] },
    ]);
  });

  it('reads the old API: spec.backend, serviceName/servicePort, defaulted pathType', () => {
    const view = ingressView({
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'old', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
      spec: {
        backend: { serviceName: 'default', servicePort: 'http' },
        rules: [{ host: 'a.com', http: { paths: [{ path: '/', backend: { serviceName: 'web', servicePort: 80 } }] } }],
      },
    })!;
    expect(view.api).toBe('v1beta1');
    expect(view.class).toMatchObject({ name: 'nginx', source: 'annotation' });
    expect(view.defaultBackend).toMatchObject({ serviceName: 'default', port: { name: 'http' }, portPath: ['spec', 'backend', 'servicePort'] });
    expect(view.paths[0]).toMatchObject({ pathTypeRaw: undefined, pathType: 'ImplementationSpecific' });
    expect(view.paths[0].backend).toMatchObject({
      serviceName: 'web',
      serviceNamePath: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'serviceName'],
      port: { number: 80 },
    });
  });

  it('survives malformed input', () => {
    expect(ingressView({ spec: [1] })).toBeUndefined();
    const view = ingressView({ metadata: null, spec: { rules: [null, { http: { paths: [null, 3, { backend: 'x' }] } }], tls: 'x' } })!;
    expect(view.paths).toHaveLength(1);
    expect(view.backends).toEqual([]);
    expect(view.class.source).toBe('none');
    expect(ingressClassOf({ metadata: { annotations: [] }, spec: { ingressClassName: 5 } }).name).toBeUndefined();
  });

  it('normalizes hosts, paths and backends for comparison', () => {
    expect(normalizeIngressHost('')).toBe('*');
    expect(normalizeIngressHost('A.Example.COM')).toBe('a.example.com');
    expect(normalizeIngressPath('', 'ImplementationSpecific')).toBe('/');
    expect(normalizeIngressPath('', 'Prefix')).toBe('');
    const a = ingressView({ apiVersion: 'networking.k8s.io/v1', spec: { defaultBackend: { service: { name: 'w', port: { number: 80 } } } } })!;
    const b = ingressView({ apiVersion: 'extensions/v1beta1', spec: { backend: { serviceName: 'w', servicePort: 80 } } })!;
    expect(ingressBackendKey(a.defaultBackend)).toBe(ingressBackendKey(b.defaultBackend));
    expect(formatIngressBackend(a.defaultBackend)).toBe('Service w port 80');
  });

  it('finds the default IngressClass only when exactly one is marked', () => {
    const cls = (name: string, isDefault?: string) => ({
      object: { metadata: { name, annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': isDefault } : {} } },
    });
    expect(defaultIngressClassName([cls('a'), cls('b', 'true')])).toBe('b');
    expect(defaultIngressClassName([cls('a', 'true'), cls('b', 'true')])).toBeUndefined();
    expect(defaultIngressClassName([cls('a', 'false')])).toBeUndefined();
  });
});
