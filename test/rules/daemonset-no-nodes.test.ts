import { describe, expect, it } from 'vitest';
import { simulateInputs } from '../../src/index.js';
import { describeRuleFixtures, fixtureFindings, lintText, ROOT } from '../helpers/rule-tester.js';

describeRuleFixtures('daemonset-no-nodes');

const DIR = 'test/fixtures/rules/daemonset-no-nodes';
const BIG_NODES = 'test/fixtures/sim/clusters/big-nodes.yaml';

/** Node name of each pod of each DaemonSet of a fixture, simulated on the built-in profile (or a cluster file). */
async function podsByDaemonSet(fixture: string, cluster?: string): Promise<Record<string, string[]>> {
  const { simulation } = await simulateInputs([`${DIR}/${fixture}`], { cwd: ROOT, cluster });
  return Object.fromEntries(simulation.workloads.map((w) => [w.name, w.pods.map((p) => p.nodeName ?? '-')]));
}

describe('daemonset-no-nodes (issue 5)', () => {
  it('reports a nodeSelector for a label no node has, at the name', async () => {
    const [f, ...rest] = await fixtureFindings('daemonset-no-nodes', 'fail-node-selector.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      "DaemonSet/default/ssd-agent would run no pod: 0/4 nodes are eligible: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector",
    );
    expect(f.related).toEqual([]); // the built-in profile has no Node objects to point at
  });

  it('counts the control-plane node as not eligible unless its taint is tolerated', async () => {
    const findings = await fixtureFindings('daemonset-no-nodes', 'fail-taint-and-affinity.yaml');
    expect(findings.map((f) => `${f.location.range.startLine} ${f.message.split(' would')[0]}`)).toEqual([
      '5 DaemonSet/kube-system/etcd-backup',
      '26 DaemonSet/default/zone-d-proxy',
    ]);
    expect(await podsByDaemonSet('pass-selected-nodes.yaml')).toEqual({
      'node-exporter': ['node-1', 'node-2', 'node-3'],
      'zone-a-proxy': ['node-1'],
      'etcd-backup': ['control-plane'],
    });
  });

  it('a DaemonSet tolerating the control-plane taint runs 4 pods and is not reported', async () => {
    expect(await fixtureFindings('daemonset-no-nodes', 'pass-tolerates-control-plane.yaml')).toEqual([]);
    const pods = await podsByDaemonSet('pass-tolerates-control-plane.yaml');
    expect(pods['log-agent'].sort()).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('runs on the nodes of a cluster file that carry the label, and relates the nodes when none does', async () => {
    expect(await fixtureFindings('daemonset-no-nodes', 'fail-node-selector.yaml', { cluster: BIG_NODES })).toEqual([]);
    expect(await podsByDaemonSet('fail-node-selector.yaml', BIG_NODES)).toEqual({ 'ssd-agent': ['big-1', 'big-2', 'big-3'] });

    const [f] = await fixtureFindings('daemonset-no-nodes', 'fail-taint-and-affinity.yaml', { cluster: BIG_NODES });
    expect(f.message).toContain("0/3 nodes are eligible: 3 node(s) didn't match Pod's node affinity/selector");
    expect(f.related.map((r) => `${r.file} ${r.note}`)).toEqual([
      `${BIG_NODES} node big-1 of the cluster profile`,
      `${BIG_NODES} node big-2 of the cluster profile`,
      `${BIG_NODES} node big-3 of the cluster profile`,
    ]);
  });

  it('leaves DaemonSet pods that are created but do not fit to unschedulable', async () => {
    const result = await lintText(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fat
spec:
  selector:
    matchLabels:
      app: fat
  template:
    metadata:
      labels:
        app: fat
    spec:
      containers:
        - name: fat
          image: example/fat:1.0
          resources:
            requests:
              cpu: "5"
`);
    expect(result.findings.filter((f) => f.ruleId === 'daemonset-no-nodes')).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'unschedulable').map((f) => f.location.range.startLine)).toEqual([4]);
  });

  it('is off with simulate: false', async () => {
    expect(await fixtureFindings('daemonset-no-nodes', 'fail-node-selector.yaml', { simulate: false })).toEqual([]);
  });
});
