/**
 * End to end: `simulate()` on a small multi-object input (controllers → admission → scheduler →
 * kubelet → endpoints → findings), and `--cluster` changing a verdict.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../../src/sim/simulate.js';
import { defaultProfile } from '../../src/sim/profile.js';
import { lintPaths } from '../helpers/rule-tester.js';
import { runCli } from '../helpers/cli.js';
import { graphOfYaml } from './helpers/profile.js';

const GI = 1024 ** 3;
const BIG_NODES = 'test/fixtures/sim/clusters/big-nodes.yaml';
const STUCK = 'test/fixtures/rules/rollout-stuck/fail-no-room-for-surge.yaml';

const INPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: "1", memory: 1Gi}
            limits: {memory: 1Gi}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
          resources:
            requests: {cpu: "6", memory: 2Gi}
            limits: {memory: 2Gi}
---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: shop
spec:
  clusterIP: None
  selector: {app: db}
  ports:
    - port: 5432
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: example/agent:1.0
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-agent
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: ssd-agent}
  template:
    metadata:
      labels: {app: ssd-agent}
    spec:
      nodeSelector: {disktype: ssd}
      containers:
        - name: agent
          image: example/agent:1.0
`;

function run(text: string): SimulationResult {
  return simulate(graphOfYaml(text), { profile: defaultProfile(), kubernetesVersion: '1.33', references: 'default', isExternal: () => false });
}

/** `owner: node or Pending reason` for every pod, in simulation order. */
function placements(result: SimulationResult): string[] {
  return result.pods.map((p) => `${p.owner.manifest.ref.kind}/${p.owner.manifest.ref.name}: ${p.nodeName ?? `${p.status.phase} ${p.status.reason}`}`);
}

describe('simulate() end to end on the default profile', () => {
  const result = run(INPUT);

  it('places the pods: one web pod per worker (least allocated), the tolerating DaemonSet on all 4 nodes', () => {
    expect(placements(result)).toEqual([
      'Deployment/web: node-1',
      'Deployment/web: node-2',
      'Deployment/web: node-3',
      'StatefulSet/db: Pending Unschedulable',
      'StatefulSet/db: Pending NotCreated',
      'DaemonSet/agent: control-plane',
      'DaemonSet/agent: node-1',
      'DaemonSet/agent: node-2',
      'DaemonSet/agent: node-3',
    ]);
    expect(result.pods.filter((p) => p.nodeName !== undefined).every((p) => p.status.phase === 'Running' && p.status.ready)).toBe(true);
    expect(result.workloads.find((w) => w.name === 'ssd-agent')?.pods).toEqual([]);
  });

  it('accounts the requests per node', () => {
    expect(result.nodes.map((n) => [n.name, n.pods, n.requested.cpu, n.requested.memory])).toEqual([
      ['control-plane', 1, 100, 128 * 2 ** 20],
      ['node-1', 2, 1100, GI + 128 * 2 ** 20],
      ['node-2', 2, 1100, GI + 128 * 2 ** 20],
      ['node-3', 2, 1100, GI + 128 * 2 ** 20],
    ]);
  });

  it('gives the Pending reasons the way kube-scheduler and the StatefulSet controller would', () => {
    const [db0, db1] = result.pods.filter((p) => p.owner.manifest.ref.name === 'db');
    expect(db0.name).toBe('db-0');
    expect(db0.status.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(db1.name).toBe('db-1');
    expect(db1.status.message).toBe('not created: db-0 is not Running and Ready (podManagementPolicy OrderedReady)');
  });

  it('routes the Services to the Ready pods only (a pod never created is not selected)', () => {
    expect(result.endpoints.map((e) => [`${e.namespace}/${e.name}`, e.selected.map((p) => p.name), e.ready.length])).toEqual([
      ['shop/web', result.pods.filter((p) => p.owner.manifest.ref.name === 'web').map((p) => p.name), 3],
      ['shop/db', ['db-0'], 0],
    ]);
  });

  it('reports one finding per workload and cause', () => {
    expect(result.issues.map((i) => [i.id, `${i.at.manifest.ref.kind}/${i.at.manifest.ref.name}`, i.at.path.join('.')])).toEqual([
      ['unschedulable', 'StatefulSet/db', 'metadata.name'],
      ['daemonset-no-nodes', 'DaemonSet/ssd-agent', 'metadata.name'],
      ['no-ready-endpoints', 'Service/db', 'spec.selector'],
    ]);
    expect(result.issues[0].message).toMatch(/^1 of the 2 pods of StatefulSet\/shop\/db would stay Pending \(Unschedulable\): 0\/4 nodes are available: /);
    expect(result.issues[2].message).toContain('the one pod it selects would never become Ready (pod db-0: Unschedulable: 0/4 nodes are available:');
  });

  it('is deterministic', () => {
    const again = run(INPUT);
    expect(placements(again)).toEqual(placements(result));
    expect(again.pods.map((p) => p.name)).toEqual(result.pods.map((p) => p.name));
    expect(again.issues.map((i) => i.message)).toEqual(result.issues.map((i) => i.message));
  });
});

describe('--cluster changes the verdicts', () => {
  it('the 3-CPU Deployment with maxSurge 1, maxUnavailable 0 is stuck on the default profile, not on 16-CPU nodes (lint option)', async () => {
    const rollout = async (cluster?: string) =>
      (await lintPaths([STUCK], { cluster })).findings.filter((f) => f.ruleId === 'rollout-stuck').map((f) => f.location.range.startLine);
    expect(await rollout()).toEqual([13]);
    expect(await rollout(BIG_NODES)).toEqual([]);
  });

  it('the same through the CLI flag', async () => {
    const ruleIds = async (args: string[]) => {
      const out = await runCli(['--format', 'json', '--fail-on', 'never', ...args, STUCK]);
      expect(out.stderr).toBe('');
      return (JSON.parse(out.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    };
    expect(await ruleIds([])).toContain('rollout-stuck');
    expect(await ruleIds(['--cluster', BIG_NODES])).not.toContain('rollout-stuck');

    const sim = await runCli(['sim', '--cluster', BIG_NODES, STUCK]);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toContain(`Cluster profile: ${BIG_NODES}`);
    expect(sim.stdout).toContain('No simulation findings.');
  });
});
