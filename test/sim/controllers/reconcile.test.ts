import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET } from '../../../src/sim/naming.js';
import { deploymentYaml, node, reconcileYaml } from '../helpers/controllers.js';

const INPUT = `apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec:
  containers: [{name: c, image: nginx, resources: {limits: {cpu: "1", memory: 1Gi}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: b}
---
${deploymentYaml('web', '  replicas: 2\n')}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: agent}]}
---
apiVersion: v1
kind: Pod
metadata: {generateName: worker-, labels: {app: worker}}
spec:
  containers: [{name: c, image: nginx}]
  volumes:
    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
    - {name: data, persistentVolumeClaim: {claimName: shared}}
`;

describe('reconcile (§0 step 4)', () => {
  it('lists workloads in input order and pods by workload, then ordinal', () => {
    const { workloads, pods } = reconcileYaml(INPUT, { nodes: [node('n1'), node('n2')] });
    expect(workloads.map((w) => `${w.kind}/${w.name}`.replace(/-[a-z0-9]{5}$/, '-*'))).toEqual(['Pod/solo', 'Deployment/web', 'DaemonSet/agent', 'Pod/worker-*']);
    expect(pods.map((p) => `${p.owner.manifest.ref.kind}:${p.ordinal}`)).toEqual(['Pod:0', 'Deployment:0', 'Deployment:1', 'DaemonSet:0', 'DaemonSet:1', 'Pod:0']);
  });

  it('simulates bare Pods as themselves, with API defaults', () => {
    const { pods } = reconcileYaml(INPUT);
    const solo = pods[0];
    expect(solo.name).toBe('solo');
    expect(solo.owner.generated).toEqual([]);
    expect(solo.labels).toEqual({ app: 'solo' });
    expect(solo.requests).toEqual({ cpu: 1000, memory: 2 ** 30 });
    expect(solo.template.path).toEqual([]);
    expect(solo.spec.serviceAccountName).toBe('default');
  });

  it('names generateName Pods and creates the claims of generic ephemeral volumes', () => {
    const { pods, claims } = reconcileYaml(INPUT);
    const worker = pods[pods.length - 1];
    expect(worker.name).toMatch(new RegExp(`^worker-[${NAME_ALPHABET}]{5}$`));
    expect(worker.claims).toEqual(['shared', `${worker.name}-scratch`]);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ name: `${worker.name}-scratch`, path: ['spec', 'volumes', 0, 'ephemeral', 'volumeClaimTemplate'], phase: 'Pending' });
  });

  it('is deterministic: the same input gives the same result', () => {
    const a = reconcileYaml(INPUT);
    const b = reconcileYaml(INPUT);
    expect(b.pods.map((p) => [p.name, p.labels, p.spec])).toEqual(a.pods.map((p) => [p.name, p.labels, p.spec]));
  });

  it('never gives a generated name that a Pod of the input already has', () => {
    const first = reconcileYaml(deploymentYaml('web')).pods[0].name;
    const clash = `apiVersion: v1\nkind: Pod\nmetadata: {name: ${first}}\nspec: {containers: [{name: c, image: i}]}\n---\n${deploymentYaml('web')}`;
    const names = reconcileYaml(clash).pods.map((p) => p.name);
    expect(names[0]).toBe(first);
    expect(names[1]).not.toBe(first);
  });

  it('expands 10,000 replicas into 10,000 distinct pods', () => {
    const { pods } = reconcileYaml(deploymentYaml('big', '  replicas: 10000\n'));
    expect(pods).toHaveLength(10_000);
    expect(new Set(pods.map((p) => p.name)).size).toBe(10_000);
  });
});
