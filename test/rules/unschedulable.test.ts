import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { defaultProfile } from '../../src/sim/profile/default.js';
import { describeRuleFixtures, fixtureFindings, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('unschedulable');

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const BIG_NODES = 'test/fixtures/sim/clusters/big-nodes.yaml';
const SIMULATION_RULES = new Set(RULES.filter((r) => r.meta.simulation).map((r) => r.meta.id));

describe('unschedulable messages', () => {
  it("gives kube-scheduler's aggregate for a pod too big for every worker", async () => {
    const [f, ...rest] = await fixtureFindings('unschedulable', 'fail-insufficient-cpu.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.file).toBe('test/fixtures/rules/unschedulable/fail-insufficient-cpu.yaml');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      `The pod of Deployment/default/big would stay Pending (Unschedulable): 0/4 nodes are available: ${TAINT}, 3 Insufficient cpu. ` +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('reports a nodeSelector no node matches', async () => {
    const [f] = await fixtureFindings('unschedulable', 'fail-node-selector.yaml');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      `All 2 pods of Deployment/default/ssd would stay Pending (Unschedulable): 0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('counts the replicas that required anti-affinity leaves without a node', async () => {
    const [f] = await fixtureFindings('unschedulable', 'fail-anti-affinity.yaml');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toContain('1 of the 4 pods of Deployment/default/spread would stay Pending (Unschedulable)');
    expect(f.message).toContain(`0/4 nodes are available: ${TAINT}, 3 node(s) didn't match pod anti-affinity rules.`);
  });

  it("reports the PreFilter message of a claim that does not exist, instead of a node histogram", async () => {
    const [f] = await fixtureFindings('unschedulable', 'fail-missing-pvc.yaml');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      'Pod/default/data would stay Pending (Unschedulable): 0/4 nodes are available: persistentvolumeclaim "data" not found. ' +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });
});

describe('unschedulable options', () => {
  it('--no-sim (simulate: false) produces no simulation findings', async () => {
    const paths = ['test/fixtures/rules/unschedulable/fail-insufficient-cpu.yaml', 'test/fixtures/rules/unschedulable/fail-missing-pvc.yaml'];
    const simulated = await lintPaths(paths);
    expect(simulated.findings.filter((f) => f.ruleId === 'unschedulable')).toHaveLength(2);
    const result = await lintPaths(paths, { simulate: false });
    expect(result.failures).toEqual([]);
    expect(result.findings.filter((f) => SIMULATION_RULES.has(f.ruleId))).toEqual([]);
    // The static rules still run.
    expect(result.findings.some((f) => f.ruleId === 'missing-liveness-probe')).toBe(true);
  });

  it('a --cluster file with 16-CPU nodes schedules the 6-CPU Deployment and the disktype=ssd selector', async () => {
    expect(await fixtureFindings('unschedulable', 'fail-insufficient-cpu.yaml', { cluster: BIG_NODES })).toEqual([]);
    expect(await fixtureFindings('unschedulable', 'fail-node-selector.yaml', { cluster: BIG_NODES })).toEqual([]);
  });

  it('counts the nodes of the --cluster file and points at them', async () => {
    const [f] = await fixtureFindings('unschedulable', 'fail-anti-affinity.yaml', { cluster: BIG_NODES });
    expect(f.message).toContain("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.");
    expect(f.related.map((r) => r.file)).toEqual([BIG_NODES, BIG_NODES, BIG_NODES]);
    expect(f.related.map((r) => r.note)).toEqual(['node big-1 of the cluster profile', 'node big-2 of the cluster profile', 'node big-3 of the cluster profile']);
  });

  it('takes a cluster profile object (clusterProfile) in place of the built-in one', async () => {
    const profile = defaultProfile();
    for (const node of profile.nodes) node.allocatable.cpu = 8000;
    expect(await fixtureFindings('unschedulable', 'fail-insufficient-cpu.yaml', { clusterProfile: profile })).toEqual([]);
    // The same pods on the unchanged built-in profile do not fit.
    expect(await fixtureFindings('unschedulable', 'fail-insufficient-cpu.yaml', { clusterProfile: defaultProfile() })).toHaveLength(1);
  });
});
