import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('rollout-stuck');

/** A Deployment of `replicas` pods requesting `cpu` each; `strategy` lines go under `spec:` (indented 2). */
function deployment(strategy: string, { replicas = 3, cpu = '"3"', extraSpec = '' } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
${strategy}${extraSpec}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests:
              cpu: ${cpu}
              memory: 1Gi
            limits:
              memory: 1Gi
`;
}

const SURGE_ONLY = '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n';
const UNAVAILABLE_FIRST = '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n';

async function findings(text: string, ruleId = 'rollout-stuck') {
  const result = await lintText(text);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId);
}

describe('rollout-stuck on the default profile (issue 5)', () => {
  it('3 replicas of 3-CPU pods with maxSurge 1, maxUnavailable 0 fit, but their rollout is stuck (at maxUnavailable)', async () => {
    const result = await lintText(deployment(SURGE_ONLY));
    expect(result.findings.filter((f) => f.ruleId === 'unschedulable')).toEqual([]);
    const stuck = result.findings.filter((f) => f.ruleId === 'rollout-stuck');
    expect(stuck).toHaveLength(1);
    const [f] = stuck;
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(11); // maxUnavailable: 0
    expect(f.message).toMatch(
      /^A rolling update of Deployment\/default\/web would never finish: with maxSurge 1 and maxUnavailable 0 \(3 replicas: at most 4 pods, at least 3 available\) /,
    );
    // kube-scheduler's FailedScheduling message for the surge pod, and the Deployment's condition
    expect(f.message).toContain(
      '(0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.)',
    );
    expect(f.message).toMatch(/after progressDeadlineSeconds=600 .*has timed out progressing/);
  });

  it('the same pods with maxSurge 0, maxUnavailable 1 are not stuck', async () => {
    const result = await lintText(deployment(UNAVAILABLE_FIRST));
    expect(result.findings.filter((f) => f.ruleId === 'rollout-stuck' || f.ruleId === 'unschedulable')).toEqual([]);
  });

  it('1-CPU pods leave room for the surge pod', async () => {
    expect(await findings(deployment(SURGE_ONLY, { cpu: '"1"' }))).toEqual([]);
  });

  it('points at the name when no strategy is written, and says the bounds are the defaults', async () => {
    const [f, ...rest] = await fixtureFindings('rollout-stuck', 'fail-default-strategy.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toContain('with maxSurge 25% (default) and maxUnavailable 25% (default) (3 replicas: at most 4 pods, at least 3 available)');
  });

  it('points at spec.strategy when the strategy writes no rollingUpdate', async () => {
    const [f, ...rest] = await findings(deployment('  strategy:\n    type: RollingUpdate\n'));
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(8); // type: RollingUpdate, the first line of spec.strategy
  });

  it('quotes progressDeadlineSeconds as written', async () => {
    const [f] = await findings(deployment(SURGE_ONLY, { extraSpec: '  progressDeadlineSeconds: 120\n' }));
    expect(f.message).toMatch(/after progressDeadlineSeconds=120 .*has timed out progressing/);
  });

  it('explains a surge pod blocked by required anti-affinity', async () => {
    const [f] = await fixtureFindings('rollout-stuck', 'fail-anti-affinity.yaml');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toContain('with maxSurge 25% and maxUnavailable 0 (3 replicas: at most 4 pods, at least 3 available)');
    expect(f.message).toContain("3 node(s) didn't match pod anti-affinity rules");
  });

  it('explains a DaemonSet surge pod that cannot start next to the old one', async () => {
    const [f] = await fixtureFindings('rollout-stuck', 'fail-daemonset-host-port.yaml');
    expect(f.location.range.startLine).toBe(15);
    expect(f.message).toMatch(
      /^A rolling update of DaemonSet\/default\/node-exporter would never finish: with maxSurge 1 and maxUnavailable 0 the new pod must start on node node-1 next to the old one, which cannot happen \(0\/4 nodes are available: 1 node\(s\) didn't have free ports for the requested pod ports/,
    );
  });

  it('does not replay the rollout of a Deployment whose pods never run (unschedulable reports it)', async () => {
    const result = await lintText(deployment(SURGE_ONLY, { cpu: '"6"' }));
    expect(result.findings.filter((f) => f.ruleId === 'rollout-stuck')).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'unschedulable').map((f) => f.location.range.startLine)).toEqual([4]);
  });

  it('is off with simulate: false', async () => {
    const result = await lintText(deployment(SURGE_ONLY), { simulate: false });
    expect(result.findings.filter((f) => f.ruleId === 'rollout-stuck')).toEqual([]);
  });

  it('is not stuck on the big nodes of a cluster file', async () => {
    expect(await fixtureFindings('rollout-stuck', 'fail-no-room-for-surge.yaml', { cluster: 'test/fixtures/sim/clusters/big-nodes.yaml' })).toEqual([]);
  });
});
