import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintPaths, lintText } from '../helpers/rule-tester.js';
import { deploymentYaml } from '../helpers/manifests.js';

describeRuleFixtures('drain-blocked');

const EQUAL = 'test/fixtures/rules/drain-blocked/fail-min-available-equals-replicas.yaml';

const RESOURCES = '          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              memory: 256Mi\n';

/** A budget and a Deployment of `replicas` small pods labelled app=web. */
function budgetAndDeployment(budget: string, replicas: number): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  ${budget}
  selector:
    matchLabels:
      app: web
---
${deploymentYaml('web', { replicas, container: RESOURCES })}`;
}

const byRule = (findings: { ruleId: string; location: { range: { startLine: number } } }[], id: string) =>
  findings.filter((f) => f.ruleId === id).map((f) => f.location.range.startLine);

describe('drain-blocked (issue 5)', () => {
  it('reports minAvailable equal to the replicas at minAvailable, with the eviction API message', async () => {
    const [f, ...rest] = await fixtureFindings('drain-blocked', 'fail-min-available-equals-replicas.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(8);
    expect(f.message).toMatch(/^PodDisruptionBudget\/default\/web would block draining nodes node-1, node-2 and node-3 forever: /);
    expect(f.message).toContain('minAvailable 3 with 3 ready pods gives disruptionsAllowed=0');
    expect(f.message).toContain('"Cannot evict pod as it would violate the pod\'s disruption budget."');
    expect(f.related.map((r) => `${r.file}:${r.range.startLine} ${r.note}`)).toEqual([`${EQUAL}:16 Deployment/default/web runs the pods the budget covers`]);
  });

  it('supersedes pdb-blocks-eviction at the same place; with simulate: false pdb-blocks-eviction comes back', async () => {
    const simulated = await lintPaths([EQUAL]);
    expect(simulated.failures).toEqual([]);
    const atBudget = simulated.findings.filter((f) => f.location.range.startLine === 8).map((f) => f.ruleId);
    expect(atBudget).toEqual(['drain-blocked']);
    expect(byRule(simulated.findings, 'pdb-blocks-eviction')).toEqual([]);

    const staticOnly = await lintPaths([EQUAL], { simulate: false });
    expect(byRule(staticOnly.findings, 'drain-blocked')).toEqual([]);
    expect(byRule(staticOnly.findings, 'pdb-blocks-eviction')).toEqual([8]);
  });

  it('leaves pdb-blocks-eviction in place when the simulation cannot drain (the pods never run)', async () => {
    const result = await lintPaths(['test/fixtures/rules/drain-blocked/pass-not-evicted.yaml']);
    expect(byRule(result.findings, 'drain-blocked')).toEqual([]);
    expect(byRule(result.findings, 'pdb-blocks-eviction')).toEqual([42]);
  });

  it('names only the nodes running covered pods', async () => {
    const findings = await fixtureFindings('drain-blocked', 'fail-zero-budgets.yaml');
    expect(findings.map((f) => [f.location.range.startLine, f.message.slice(0, f.message.indexOf(':'))])).toEqual([
      [7, 'PodDisruptionBudget/default/db would block draining nodes node-1 and node-2 forever'],
      [42, 'PodDisruptionBudget/default/singleton would block draining node node-3 forever'],
    ]);
    expect(findings[0].message).toContain('maxUnavailable 0 with 2 ready pods gives disruptionsAllowed=0');
    expect(findings[1].message).toContain('minAvailable 100% with 1 ready pod gives disruptionsAllowed=0');
  });

  it('explains a budget whose evicted pods cannot be rescheduled', async () => {
    const [f, ...rest] = await fixtureFindings('drain-blocked', 'fail-no-room-to-reschedule.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(9);
    expect(f.message).toMatch(/^PodDisruptionBudget\/default\/workers would block draining nodes node-1, node-2 and node-3 forever: /);
    expect(f.message).toContain('maxUnavailable 1 with 6 ready pods allows 1 eviction at a time');
    // the scheduler's message for the replacement of the evicted pod, its node cordoned
    expect(f.message).toContain(
      '(0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu.',
    );
  });

  it('lets a budget that allows one disruption pass', async () => {
    for (const budget of ['minAvailable: 2', 'maxUnavailable: 1', 'maxUnavailable: 34%', 'minAvailable: 66%']) {
      const result = await lintText(budgetAndDeployment(budget, 3));
      expect(byRule(result.findings, 'drain-blocked'), budget).toEqual([]);
    }
  });

  it('blocks a single replica under minAvailable 1', async () => {
    const result = await lintText(budgetAndDeployment('minAvailable: 1', 1));
    expect(byRule(result.findings, 'drain-blocked')).toEqual([6]);
  });

  it('is off with simulate: false', async () => {
    const result = await lintText(budgetAndDeployment('maxUnavailable: 0', 2), { simulate: false });
    expect(byRule(result.findings, 'drain-blocked')).toEqual([]);
    expect(byRule(result.findings, 'pdb-blocks-eviction')).toEqual([6]);
  });
});

describe('drain-blocked with overlapping budgets', () => {
  it('reports pods that two budgets select, naming both and the eviction API refusal', async () => {
    const [f, ...rest] = await fixtureFindings('drain-blocked', 'fail-two-budgets.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toContain('PodDisruptionBudget/default/web and PodDisruptionBudget/default/web-tier both select 3 pods of Deployment/default/web');
    expect(f.message).toContain('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[20, 'the other budget selecting the same pods']]);
  });
});

describe('drain-blocked: replacements the drain waits for (review)', () => {
  it('does not need a replacement for the last pod it evicts: the drain is over by then', async () => {
    // 3 pods of 2 CPU on node-1 and node-2 (4 CPU each): one node runs 2 of them, the other 1.
    // Draining the full node: evict one (budget 1 → 0), its replacement fits on the other node and
    // becomes Ready (budget back to 1), evict the second: the node is empty. Only the second
    // pod's replacement finds no room, which no longer holds the drain up.
    const text = budgetAndDeployment('maxUnavailable: 1', 3)
      .replace('cpu: 250m', 'cpu: "2"')
      .replace(
        '    spec:\n      containers:',
        '    spec:\n      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - {key: kubernetes.io/hostname, operator: In, values: [node-1, node-2]}\n      containers:',
      );
    const result = await lintText(text);
    expect(result.failures).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'unschedulable')).toEqual([]);
    expect(byRule(result.findings, 'drain-blocked')).toEqual([]);
  });

  it('still blocks when the replacement the drain waits for fits nowhere', async () => {
    // 4 pods of 2 CPU fill node-1 and node-2: the first evicted pod has nowhere to go, so the budget
    // never allows the second eviction.
    const text = budgetAndDeployment('maxUnavailable: 1', 4)
      .replace('cpu: 250m', 'cpu: "2"')
      .replace(
        '    spec:\n      containers:',
        '    spec:\n      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - {key: kubernetes.io/hostname, operator: In, values: [node-1, node-2]}\n      containers:',
      );
    const result = await lintText(text);
    expect(result.failures).toEqual([]);
    expect(byRule(result.findings, 'drain-blocked')).toEqual([6]);
  });
});

describe('drain-blocked budget math', () => {
  it('counts an unmanaged Pod as 0 towards a percentage budget, as getExpectedScale does', async () => {
    const text = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: solo
spec:
  minAvailable: 50%
  selector:
    matchLabels:
      app: solo
---
apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    app: solo
spec:
  containers:
    - name: c
      image: nginx:1.27
      resources:
        requests: {cpu: 100m, memory: 64Mi}
`;
    // expectedCount 0 → desiredHealthy ceil(50% of 0) = 0 → one eviction allowed: no block.
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === 'drain-blocked')).toEqual([]);
  });
});
