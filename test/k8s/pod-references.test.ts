import { describe, expect, it } from 'vitest';
import { podTemplateOf } from '../../src/k8s/pod-template.js';
import { claimTemplateNames, invalidNameNote, isStatefulSetClaimName, podReferences, providedKeys } from '../../src/k8s/pod-references.js';

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { metadata: {}, spec } },
});

const refsOf = (spec: Record<string, unknown>) => podReferences(podTemplateOf(deployment(spec))!);
const S = ['spec', 'template', 'spec'];

describe('podReferences', () => {
  it('lists env, envFrom, volume, projected, claim, service account and pull secret references with their paths', () => {
    const refs = refsOf({
      serviceAccountName: 'robot',
      imagePullSecrets: [{ name: 'registry' }],
      initContainers: [{ name: 'init', envFrom: [{ configMapRef: { name: 'init-env' } }] }],
      containers: [
        {
          name: 'app',
          env: [
            { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a', optional: true } } },
            { name: 'B', valueFrom: { secretKeyRef: { name: 'sec', key: 'b' } } },
            { name: 'C', value: 'literal' },
          ],
          envFrom: [{ secretRef: { name: 'sec-env', optional: true } }],
        },
      ],
      ephemeralContainers: [{ name: 'debug', envFrom: [{ secretRef: { name: 'debug-env' } }] }],
      volumes: [
        { name: 'v1', configMap: { name: 'files', items: [{ key: 'x', path: 'x' }, { path: 'no-key' }] } },
        { name: 'v2', secret: { secretName: 'certs', optional: true } },
        { name: 'v3', projected: { sources: [{ secret: { name: 'p-sec', items: [{ key: 'k', path: 'k' }] } }, { configMap: { name: 'p-cfg' } }] } },
        { name: 'v4', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'v5', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      ],
    });
    expect(refs.map((r) => [r.kind, r.via, r.name, r.optional, r.namePath.slice(3).join('.')])).toEqual([
      ['ConfigMap', 'envFrom', 'init-env', false, 'initContainers.0.envFrom.0.configMapRef.name'],
      ['ConfigMap', 'env', 'cfg', true, 'containers.0.env.0.valueFrom.configMapKeyRef.name'],
      ['Secret', 'env', 'sec', false, 'containers.0.env.1.valueFrom.secretKeyRef.name'],
      ['Secret', 'envFrom', 'sec-env', true, 'containers.0.envFrom.0.secretRef.name'],
      ['Secret', 'envFrom', 'debug-env', false, 'ephemeralContainers.0.envFrom.0.secretRef.name'],
      ['ConfigMap', 'volume', 'files', false, 'volumes.0.configMap.name'],
      ['Secret', 'volume', 'certs', true, 'volumes.1.secret.secretName'],
      ['Secret', 'projected', 'p-sec', false, 'volumes.2.projected.sources.0.secret.name'],
      ['ConfigMap', 'projected', 'p-cfg', false, 'volumes.2.projected.sources.1.configMap.name'],
      ['PersistentVolumeClaim', 'persistentVolumeClaim', 'data', false, 'volumes.3.persistentVolumeClaim.claimName'],
      ['ServiceAccount', 'serviceAccountName', 'robot', false, 'serviceAccountName'],
      ['Secret', 'imagePullSecret', 'registry', false, 'imagePullSecrets.0.name'],
    ]);
    expect(refs.every((r) => r.namePath.slice(0, 3).join('.') === S.join('.'))).toBe(true);
    const env = refs[2];
    expect(env.envName).toBe('B');
    expect(env.container?.name).toBe('app');
    expect(env.keys).toEqual([{ key: 'b', path: [...S, 'containers', 0, 'env', 1, 'valueFrom', 'secretKeyRef', 'key'] }]);
    expect(refs[5].keys).toEqual([{ key: 'x', path: [...S, 'volumes', 0, 'configMap', 'items', 0, 'key'] }]);
    expect(refs[5].volumeName).toBe('v1');
    expect(refs[7].keys.map((k) => k.key)).toEqual(['k']);
  });

  it('uses the deprecated serviceAccount only when serviceAccountName is empty', () => {
    expect(refsOf({ serviceAccountName: 'a', serviceAccount: 'b', containers: [] }).map((r) => [r.via, r.name])).toEqual([['serviceAccountName', 'a']]);
    expect(refsOf({ serviceAccountName: '', serviceAccount: 'b', containers: [] }).map((r) => [r.via, r.name])).toEqual([['serviceAccount', 'b']]);
    expect(refsOf({ containers: [] })).toEqual([]);
  });

  it('skips malformed entries without throwing', () => {
    const refs = refsOf({
      serviceAccountName: 5,
      imagePullSecrets: 'registry',
      containers: [null, { name: 'a', env: { x: 1 }, envFrom: [null, { configMapRef: 'x' }, { secretRef: { name: '' } }] }],
      volumes: [null, { configMap: null }, { secret: { name: 'wrong-field' } }, { projected: { sources: 'x' } }, { persistentVolumeClaim: { claimName: [] } }],
    });
    expect(refs).toEqual([]);
  });
});

describe('providedKeys', () => {
  it('reads ConfigMap data for env and data plus binaryData for volumes', () => {
    const keys = providedKeys('ConfigMap', { data: { a: '1' }, binaryData: { b: 'AA==', a: 'AA==' } });
    expect([...keys.env]).toEqual(['a']);
    expect([...keys.volume].sort()).toEqual(['a', 'b']);
    expect([...keys.binaryOnly]).toEqual(['b']);
    expect(keys.wellFormed).toBe(true);
  });

  it('reads Secret data and stringData, and the keys of service-account token Secrets', () => {
    expect([...providedKeys('Secret', { data: { a: 'YQ==' }, stringData: { b: 'x' } }).env].sort()).toEqual(['a', 'b']);
    expect([...providedKeys('Secret', { type: 'kubernetes.io/service-account-token' }).env].sort()).toEqual(['ca.crt', 'namespace', 'token']);
  });

  it('treats null data as empty and a non-map as malformed', () => {
    expect(providedKeys('ConfigMap', { data: null }).wellFormed).toBe(true);
    expect(providedKeys('ConfigMap', { data: ['a'] }).wellFormed).toBe(false);
    expect(providedKeys('Secret', { stringData: 'x' }).wellFormed).toBe(false);
  });
});

describe('StatefulSet claims', () => {
  it('names claim templates and recognises the claims of each ordinal', () => {
    const names = claimTemplateNames({ volumeClaimTemplates: [{ metadata: { name: 'data' } }, null, { metadata: { name: 3 } }] });
    expect(names).toEqual(['data']);
    expect(isStatefulSetClaimName('data-web-0', 'web', names)).toBe(true);
    expect(isStatefulSetClaimName('data-web-12', 'web', names)).toBe(true);
    expect(isStatefulSetClaimName('data-web-01', 'web', names)).toBe(false);
    expect(isStatefulSetClaimName('data-web-', 'web', names)).toBe(false);
    expect(isStatefulSetClaimName('data-api-0', 'web', names)).toBe(false);
    expect(isStatefulSetClaimName('logs-web-0', 'web', names)).toBe(false);
    expect(claimTemplateNames(null)).toEqual([]);
  });
});

describe('invalidNameNote', () => {
  it('flags names no object can have, and placeholders in particular', () => {
    expect(invalidNameNote('web-config.v1')).toBe('');
    expect(invalidNameNote('$SA')).toContain('unrendered template placeholder');
    expect(invalidNameNote('<KSA_NAME>')).toContain('unrendered template placeholder');
    expect(invalidNameNote('KSA_NAME')).toContain('unrendered template placeholder');
    expect(invalidNameNote('Web')).toBe(' (not a valid object name)');
  });
});
