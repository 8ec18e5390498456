import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_KUBERNETES_VERSION, BUILTIN_SCHEMA_DIR, builtinGvks, builtinValidator } from '../../src/schema/builtin.js';
import { issuesFromErrors } from '../../src/schema/issues.js';
import { stripNulls } from '../../src/schema/normalize.js';
import type { GroupVersionKind } from '../../src/schema/types.js';

const DEPLOYMENT: GroupVersionKind = { group: 'apps', version: 'v1', kind: 'Deployment' };

type Obj = Record<string, any>;

function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { note: 'x' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
              readinessProbe: { httpGet: { path: '/', port: 'http' } },
            },
          ],
        },
      },
    },
  };
}

/** Validates with the built-in validator of the object's kind; returns `instancePath keyword` of every error. */
function errorsOf(obj: Obj, gvk: GroupVersionKind = DEPLOYMENT): string[] {
  const validate = builtinValidator(gvk);
  if (!validate) throw new Error(`no built-in validator for ${gvk.group}/${gvk.version}/${gvk.kind}`);
  const ok = validate(obj);
  const errors = validate.errors ?? [];
  expect(ok).toBe(errors.length === 0);
  return errors.map((e) => `${e.instancePath} ${e.keyword}`);
}

function messagesOf(obj: Obj, gvk: GroupVersionKind = DEPLOYMENT): string[] {
  const validate = builtinValidator(gvk)!;
  validate(obj);
  return issuesFromErrors(validate.errors ?? [], obj, { strict: true }).map((i) => i.message);
}

const container = (d: Obj): Obj => d.spec.template.spec.containers[0];

describe('built-in schemas: loading', () => {
  it('loads only the module of the group it is asked for, once', async () => {
    vi.resetModules();
    const fresh = await import('../../src/schema/builtin.js');
    expect(fresh.loadedSchemaModules()).toEqual([]);
    expect(fresh.builtinValidator(DEPLOYMENT)).toBeTypeOf('function');
    expect(fresh.builtinValidator({ group: 'apps', version: 'v1', kind: 'StatefulSet' })).toBeTypeOf('function');
    expect(fresh.loadedSchemaModules()).toEqual(['apps.cjs']);
    expect(fresh.builtinValidator({ group: '', version: 'v1', kind: 'Service' })).toBeTypeOf('function');
    expect(fresh.loadedSchemaModules()).toEqual(['apps.cjs', 'core.cjs']);
    // Unknown kinds load nothing.
    expect(fresh.builtinValidator({ group: 'monitoring.coreos.com', version: 'v1', kind: 'ServiceMonitor' })).toBeUndefined();
    expect(fresh.builtinValidator({ group: 'apps', version: 'v1', kind: 'Nope' })).toBeUndefined();
    expect(fresh.loadedSchemaModules()).toEqual(['apps.cjs', 'core.cjs']);
  });

  it('caches validators per kind', () => {
    expect(builtinValidator(DEPLOYMENT)).toBe(builtinValidator({ ...DEPLOYMENT }));
    expect(builtinValidator(DEPLOYMENT)).not.toBe(builtinValidator({ group: 'apps', version: 'v1beta2', kind: 'Deployment' }));
  });

  it('names the missing build step when generated/ is absent', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), existsSync: () => false }));
    try {
      await expect(import('../../src/schema/builtin.js')).rejects.toThrow("drydock's built-in schemas are missing: run npm run build");
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  it('describes Kubernetes 1.36 with every built-in kind, removed APIs and typed lists included', () => {
    expect(BUILTIN_KUBERNETES_VERSION).toBe('1.36');
    const gvks = builtinGvks();
    expect(gvks.length).toBeGreaterThan(200);
    for (const key of [
      'v1/Pod',
      'v1/Service',
      'v1/ConfigMap',
      'apps/v1/Deployment',
      'batch/v1/CronJob',
      'networking.k8s.io/v1/Ingress',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'apiextensions.k8s.io/v1/CustomResourceDefinition',
      'autoscaling/v2/HorizontalPodAutoscaler',
      'resource.k8s.io/v1/ResourceClaim',
      'extensions/v1beta1/Deployment',
      'batch/v1beta1/CronJob',
      'policy/v1beta1/PodSecurityPolicy',
      'apps/v1/DeploymentList',
    ])
      expect(gvks).toContain(key);
    expect(gvks).not.toContain('v1/List');
    expect([...gvks].sort()).toEqual(gvks);
  });

  it('generated code needs nothing but ajv runtime helpers', () => {
    const modules = readdirSync(BUILTIN_SCHEMA_DIR).filter((f) => f.endsWith('.cjs'));
    expect(modules).toContain('core.cjs');
    expect(modules).toContain('networking.k8s.io.cjs');
    for (const m of modules) {
      const requires = [...readFileSync(path.join(BUILTIN_SCHEMA_DIR, m), 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((r) => r[1]);
      expect(requires.filter((r) => !r.startsWith('ajv/dist/runtime/')), m).toEqual([]);
    }
  });

  it('keeps the descriptions in definitions.json, for hover', () => {
    const { definitions } = JSON.parse(readFileSync(path.join(BUILTIN_SCHEMA_DIR, 'definitions.json'), 'utf8')) as { definitions: Record<string, Obj> };
    expect(definitions.IoK8sApiAppsV1Deployment.description).toBe('Deployment enables declarative updates for Pods and ReplicaSets.');
    expect(definitions.IoK8sApiAppsV1DeploymentSpec.properties.replicas.description).toMatch(/^Number of desired pods\./);
    expect(definitions.IoK8sApiCoreV1Container.properties.imagePullPolicy.description).toContain('Possible enum values:\n - `"Always"`');
    // A property named "description" is a field, not an annotation.
    expect(definitions.IoK8sApiSchedulingV1PriorityClass.properties.description).toMatchObject({ type: 'string' });
  });
});

describe('built-in schemas: validation', () => {
  it('accepts a correct Deployment', () => {
    expect(errorsOf(deployment())).toEqual([]);
  });

  it('reports a string where an integer belongs', () => {
    const d = deployment();
    d.spec.replicas = 'three';
    expect(errorsOf(d)).toEqual(['/spec/replicas type']);
    expect(messagesOf(d)).toEqual(['spec.replicas: expected integer, got string "three"']);
    d.spec.replicas = 1.5;
    expect(errorsOf(d)).toEqual(['/spec/replicas type']);
  });

  it('reports unknown fields, at the object that holds them', () => {
    const d = deployment();
    container(d).imagePullPolcy = 'Always';
    d.spec2 = {};
    expect(errorsOf(d)).toEqual([' additionalProperties', '/spec/template/spec/containers/0 additionalProperties']);
    expect(messagesOf(d)).toEqual(['spec2: unknown field "spec2"', 'spec.template.spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy"']);
  });

  it('allows any key in maps (labels, annotations, nodeSelector, resources)', () => {
    const d = deployment();
    d.spec.template.spec.nodeSelector = { 'kubernetes.io/os': 'linux' };
    container(d).resources.limits['nvidia.com/gpu'] = 1;
    expect(errorsOf(d)).toEqual([]);
    d.metadata.labels.version = 2;
    expect(messagesOf(d)).toEqual(['metadata.labels.version: expected string, got integer 2']);
  });

  it('checks enums', () => {
    const d = deployment();
    container(d).imagePullPolicy = 'Sometimes';
    expect(errorsOf(d)).toEqual(['/spec/template/spec/containers/0/imagePullPolicy enum']);
    expect(messagesOf(d)).toEqual(['spec.template.spec.containers[0].imagePullPolicy: string "Sometimes" is not one of "Always", "IfNotPresent", "Never"']);
  });

  it('takes an integer or a string for IntOrString', () => {
    const d = deployment();
    const ru = d.spec.strategy.rollingUpdate;
    for (const ok of ['25%', 1, 0, '1']) {
      ru.maxSurge = ok;
      expect(errorsOf(d), String(ok)).toEqual([]);
    }
    ru.maxSurge = true;
    expect(errorsOf(d)).toEqual(['/spec/strategy/rollingUpdate/maxSurge type']);
    expect(messagesOf(d)).toEqual(['spec.strategy.rollingUpdate.maxSurge: expected integer or string, got boolean true']);
    ru.maxSurge = 1.5;
    expect(errorsOf(d)).toEqual(['/spec/strategy/rollingUpdate/maxSurge type']);
    container(d).readinessProbe.httpGet.port = { name: 'http' };
    ru.maxSurge = 1;
    expect(errorsOf(d)).toEqual(['/spec/template/spec/containers/0/readinessProbe/httpGet/port type']);
  });

  it('takes a number or a quantity string for Quantity', () => {
    const d = deployment();
    const limits = container(d).resources.limits;
    for (const ok of [0.5, 2, '500m', '1.5Gi', '1e3', '12E-3', '+1', '-1', '.5', '1.', '100Ki', '1E', '2k', '10n', '5u']) {
      limits.cpu = ok;
      expect(errorsOf(d), String(ok)).toEqual([]);
    }
    for (const bad of ['lots', '1K', '1mi', '1Gb', '1 Gi', '', 'Gi', '1e', '1e1.5', '1h', '1da']) {
      limits.cpu = bad;
      expect(errorsOf(d), bad).toEqual(['/spec/template/spec/containers/0/resources/limits/cpu format']);
    }
    limits.cpu = 'lots';
    expect(messagesOf(d)).toEqual(['spec.template.spec.containers[0].resources.limits.cpu: string "lots" is not a valid quantity']);
    limits.cpu = true;
    expect(errorsOf(d)).toEqual(['/spec/template/spec/containers/0/resources/limits/cpu type']);
    expect(messagesOf(d)).toEqual(['spec.template.spec.containers[0].resources.limits.cpu: expected string or number, got boolean true']);
  });

  it('reports missing required fields', () => {
    const d = deployment();
    delete d.spec.selector;
    delete container(d).name;
    expect(errorsOf(d)).toEqual(['/spec required', '/spec/template/spec/containers/0 required']);
    expect(messagesOf(d)).toEqual(['spec: required field "selector" is missing', 'spec.template.spec.containers[0]: required field "name" is missing']);
  });

  it('accepts only its own apiVersion and kind', () => {
    const d = deployment();
    d.apiVersion = 'extensions/v1beta1';
    expect(errorsOf(d)).toEqual(['/apiVersion const']);
    expect(messagesOf(d)).toEqual(['apiVersion: expected "apps/v1", got string "extensions/v1beta1"']);
    d.apiVersion = 'apps/v1';
    d.kind = 'StatefulSet';
    expect(errorsOf(d)).toEqual(['/kind const']);
    delete d.kind;
    expect(errorsOf(d)).toEqual([' required']);
    // The same object is valid for the removed extensions/v1beta1 Deployment (its own schema).
    const old = deployment();
    old.apiVersion = 'extensions/v1beta1';
    expect(errorsOf(old, { group: 'extensions', version: 'v1beta1', kind: 'Deployment' })).toEqual([]);
  });

  it('does not allow null: nulls are stripped before validation', () => {
    const d = deployment();
    d.metadata.creationTimestamp = null;
    d.spec.template.spec.nodeSelector = null;
    expect(errorsOf(d).sort()).toEqual(['/metadata/creationTimestamp type', '/spec/template/spec/nodeSelector type']);
    expect(errorsOf(stripNulls(d) as Obj)).toEqual([]);
  });

  it('checks timestamps as RFC 3339', () => {
    const d = deployment();
    d.metadata.creationTimestamp = '2024-05-01T10:00:00Z';
    expect(errorsOf(d)).toEqual([]);
    d.metadata.creationTimestamp = '2024-05-01T10:00:00.123+02:00';
    expect(errorsOf(d)).toEqual([]);
    d.metadata.creationTimestamp = 'yesterday';
    expect(errorsOf(d)).toEqual(['/metadata/creationTimestamp format']);
  });

  it('validates other groups: Service, CronJob, Ingress, HPA', () => {
    const service: Obj = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ClusterIP', ports: [{ port: 80, targetPort: 'http' }] } };
    expect(errorsOf(service, { group: '', version: 'v1', kind: 'Service' })).toEqual([]);
    service.spec.ports[0].port = '80';
    service.spec.type = 'Internal';
    expect(messagesOf(service, { group: '', version: 'v1', kind: 'Service' })).toEqual([
      'spec.type: string "Internal" is not one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      'spec.ports[0].port: expected integer, got string "80"',
    ]);

    const cron: Obj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    };
    expect(errorsOf(cron, { group: 'batch', version: 'v1', kind: 'CronJob' })).toEqual([]);
    delete cron.spec.schedule;
    expect(errorsOf(cron, { group: 'batch', version: 'v1', kind: 'CronJob' })).toEqual(['/spec required']);

    const ingress: Obj = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] },
    };
    const ingressGvk = { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' };
    expect(errorsOf(ingress, ingressGvk)).toEqual([]);
    ingress.spec.rules[0].http.paths[0].backend = { serviceName: 's', servicePort: 80 };
    expect(messagesOf(ingress, ingressGvk)).toEqual([
      'spec.rules[0].http.paths[0].backend.serviceName: unknown field "serviceName"',
      'spec.rules[0].http.paths[0].backend.servicePort: unknown field "servicePort"',
    ]);

    const hpa: Obj = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
    };
    expect(errorsOf(hpa, { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })).toEqual([]);
    hpa.spec.metrics[0].resource.target.averageValue = 'lots';
    expect(errorsOf(hpa, { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })).toEqual([
      '/spec/metrics/0/resource/target/averageValue format',
    ]);
  });

  it('validates CRDs, with real unions for JSONSchemaPropsOr* and floats only where the API has them', () => {
    const gvk = { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition' };
    const crd: Obj = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
                properties: {
                  spec: {
                    type: 'object',
                    additionalProperties: { type: 'string' },
                    properties: { size: { type: 'number', minimum: 0.5, maximum: 10, default: 1 }, tags: { type: 'array', items: { type: 'string' } } },
                  },
                  status: { type: 'object', additionalProperties: true },
                },
              },
            },
          },
        ],
      },
    };
    expect(errorsOf(crd, gvk)).toEqual([]);
    const props = crd.spec.versions[0].schema.openAPIV3Schema.properties;
    props.status.additionalProperties = 'yes';
    props.spec.properties.size.minLength = 1.5;
    expect(messagesOf(crd, gvk)).toEqual([
      'spec.versions[0].schema.openAPIV3Schema.properties.status.additionalProperties: expected boolean or mapping, got string "yes"',
      'spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size.minLength: expected integer, got number 1.5',
    ]);
  });
});
