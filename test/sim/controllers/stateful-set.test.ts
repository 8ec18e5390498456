import { describe, expect, it } from 'vitest';
import { reconcileYaml } from '../helpers/controllers.js';

const sts = (extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: shop}
spec:
  serviceName: nginx
  replicas: 3
${extra}  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
        - name: nginx
          image: nginx
          volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
      volumes:
        - {name: www, emptyDir: {}}
        - {name: config, configMap: {name: cfg}}
  volumeClaimTemplates:
    - metadata: {name: www}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`;

describe('StatefulSet controller (§4.4)', () => {
  it('creates pods <sts>-0..n-1 with the identity labels, hostname and subdomain', () => {
    const [w] = reconcileYaml(sts()).workloads;
    expect(w.pods.map((p) => p.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(w.pods.map((p) => p.ordinal)).toEqual([0, 1, 2]);
    const pod = w.pods[1];
    expect(pod.namespace).toBe('shop');
    expect(pod.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pod.labels['controller-revision-hash']).toMatch(/^web-[456789bcdf]+$/);
    expect(pod.spec.hostname).toBe('web-1');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(w.podManagementPolicy).toBe('OrderedReady');
    expect(w.strategy).toEqual({ type: 'RollingUpdate', partition: 0, maxUnavailable: { raw: 1, defaulted: true, resolved: 1 } });
  });

  it('turns volumeClaimTemplates into claims <template>-<sts>-<ordinal> mounted under the template name', () => {
    const { pods, claims } = reconcileYaml(sts());
    expect(claims.map((c) => c.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(claims[0]).toMatchObject({
      namespace: 'shop',
      path: ['spec', 'volumeClaimTemplates', 0],
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      phase: 'Pending',
    });
    expect(claims[0].manifest.ref.kind).toBe('StatefulSet');
    expect(pods[2].claims).toEqual(['www-web-2']);
    expect(pods[2].spec.volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } },
      { name: 'config', configMap: { name: 'cfg' } },
    ]);
  });

  it('reuses a PVC of the input with the generated name', () => {
    const pvc = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-0, namespace: shop}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const { workloads, claims, pods } = reconcileYaml(sts() + pvc);
    expect(claims.map((c) => c.name)).toEqual(['www-web-1', 'www-web-2']);
    expect(pods[0].claims).toEqual(['www-web-0']);
    expect(workloads[0].notes.join()).toContain('reuses the PersistentVolumeClaim www-web-0');
  });

  it('records Parallel, the partition, and ordinals.start', () => {
    const extra = '  podManagementPolicy: Parallel\n  ordinals: {start: 5}\n  updateStrategy: {rollingUpdate: {partition: 2}}\n';
    const [w] = reconcileYaml(sts(extra)).workloads;
    expect(w.podManagementPolicy).toBe('Parallel');
    expect(w.strategy?.partition).toBe(2);
    expect(w.pods.map((p) => p.name)).toEqual(['web-5', 'web-6', 'web-7']);
    expect(w.pods.map((p) => p.labels['apps.kubernetes.io/pod-index'])).toEqual(['5', '6', '7']);
  });
});
