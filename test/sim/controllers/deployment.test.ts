import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET } from '../../../src/sim/naming.js';
import { deploymentYaml, reconcileYaml } from '../helpers/controllers.js';

const HASH = `[${NAME_ALPHABET}]{1,10}`;
const SUFFIX = `[${NAME_ALPHABET}]{5}`;

describe('Deployment controller (§4.2)', () => {
  it('creates ReplicaSet <deployment>-<pod-template-hash> and pods <rs>-<5 chars>, replicas default 1', () => {
    const { workloads, pods } = reconcileYaml(deploymentYaml('web'));
    const [w] = workloads;
    expect(w.kind).toBe('Deployment');
    expect(w.desiredReplicas).toBe(1);
    expect(w.generatedName).toMatch(new RegExp(`^web-${HASH}$`));
    expect(pods).toHaveLength(1);
    const [pod] = pods;
    expect(pod.name).toMatch(new RegExp(`^web-${HASH}-${SUFFIX}$`));
    expect(pod.name.startsWith(`${w.generatedName}-`)).toBe(true);
    const hash = w.generatedName!.slice('web-'.length);
    expect(pod.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(pod.owner.generated).toEqual([`ReplicaSet/${w.generatedName}`]);
    expect(pod.owner.manifest).toBe(w.manifest);
    expect(pod.namespace).toBe('default');
    expect(pod.status).toEqual({ phase: 'Pending', ready: false });
    expect(pod.template.specPath).toEqual(['spec', 'template', 'spec']);
  });

  it('gives the same names on every run, and new ones when the template changes', () => {
    const text = deploymentYaml('web', '  replicas: 3\n');
    const first = reconcileYaml(text).pods.map((p) => p.name);
    expect(reconcileYaml(text).pods.map((p) => p.name)).toEqual(first);
    expect(new Set(first).size).toBe(3);
    const changed = reconcileYaml(text.replace('nginx:1.27', 'nginx:1.28')).pods.map((p) => p.name);
    expect(changed[0].split('-')[1]).not.toBe(first[0].split('-')[1]);
  });

  it('puts pods in the Deployment namespace and orders them by ordinal', () => {
    const text = deploymentYaml('api', '  replicas: 2\n').replace('  name: api\n', '  name: api\n  namespace: shop\n');
    const { pods } = reconcileYaml(text);
    expect(pods.map((p) => [p.namespace, p.ordinal])).toEqual([
      ['shop', 0],
      ['shop', 1],
    ]);
  });

  it('resolves the fenceposts: 10 replicas with the defaults → surge 3, unavailable 2', () => {
    const [w] = reconcileYaml(deploymentYaml('web', '  replicas: 10\n')).workloads;
    expect(w.strategy).toEqual({
      type: 'RollingUpdate',
      maxSurge: { raw: '25%', defaulted: true, resolved: 3 },
      maxUnavailable: { raw: '25%', defaulted: true, resolved: 2 },
      maxTotalPods: 13,
      minAvailablePods: 8,
      minReadySeconds: 0,
    });
  });

  it('resolves the fenceposts: 1 replica with the defaults → surge 1, unavailable 0', () => {
    const [w] = reconcileYaml(deploymentYaml('web')).workloads;
    expect(w.strategy?.maxSurge?.resolved).toBe(1);
    expect(w.strategy?.maxUnavailable?.resolved).toBe(0);
  });

  it('forces maxUnavailable to 1 when both resolve to 0 (replicas 3, maxSurge 0, maxUnavailable 25%)', () => {
    const spec = '  replicas: 3\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 25%}\n';
    const [w] = reconcileYaml(deploymentYaml('web', spec)).workloads;
    expect(w.strategy?.maxSurge).toEqual({ raw: 0, defaulted: false, resolved: 0 });
    expect(w.strategy?.maxUnavailable).toEqual({ raw: '25%', defaulted: false, resolved: 1 });
    expect(w.strategy?.minAvailablePods).toBe(2);
    expect(w.notes.join('\n')).toContain('maxUnavailable is raised to 1');
  });

  it('keeps Recreate without rolling bounds', () => {
    const [w] = reconcileYaml(deploymentYaml('web', '  strategy: {type: Recreate}\n')).workloads;
    expect(w.strategy).toEqual({ type: 'Recreate', minReadySeconds: 0 });
  });

  it('creates nothing for replicas 0, a paused Deployment, invalid replicas or a missing template — without throwing', () => {
    expect(reconcileYaml(deploymentYaml('web', '  replicas: 0\n')).pods).toEqual([]);
    const paused = reconcileYaml(deploymentYaml('web', '  paused: true\n')).workloads[0];
    expect(paused.pods).toEqual([]);
    expect(paused.notes.join()).toContain('spec.paused');
    const invalid = reconcileYaml(deploymentYaml('web', '  replicas: three\n')).workloads[0];
    expect(invalid.pods).toEqual([]);
    expect(invalid.notes.join()).toContain('not a non-negative integer');
    const noTemplate = reconcileYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n').workloads[0];
    expect(noTemplate.pods).toEqual([]);
    expect(noTemplate.notes.join()).toContain('no pod template');
  });

  it('applies the API defaults to the pod spec: requests from limits (§2.1), service account, §12.3', () => {
    const container = '          resources:\n            limits: {cpu: 500m, memory: 256Mi}\n            requests: {cpu: 100m}\n';
    const { pods, workloads } = reconcileYaml(deploymentYaml('web', '', container));
    const [pod] = pods;
    const c = (pod.spec.containers as Record<string, unknown>[])[0];
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(pod.requests).toEqual({ cpu: 100, memory: 256 * 2 ** 20 });
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(pod.spec).toMatchObject({
      serviceAccountName: 'default',
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
    });
    // The input manifest is untouched.
    const template = (workloads[0].manifest.object.spec as { template: { spec: { containers: { resources: { requests: object } }[] } } }).template;
    expect(template.spec.containers[0].resources.requests).toEqual({ cpu: '100m' });
  });

  it('defaults requests from limits in init containers too and keeps explicit fields', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: runner
      restartPolicy: Always
      dnsPolicy: None
      initContainers:
        - {name: init, image: busybox, resources: {limits: {cpu: "2"}}}
      containers:
        - {name: app, image: app, resources: {limits: {memory: 1Gi}}}
`;
    const [pod] = reconcileYaml(text).pods;
    expect(pod.spec.serviceAccountName).toBe('runner');
    expect(pod.spec.dnsPolicy).toBe('None');
    expect((pod.spec.initContainers as Record<string, unknown>[])[0].resources).toEqual({ limits: { cpu: '2' }, requests: { cpu: '2' } });
    expect((pod.spec.containers as Record<string, unknown>[])[0].imagePullPolicy).toBe('Always');
    expect(pod.requests).toEqual({ cpu: 2000, memory: 2 ** 30 });
  });
});
