import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-network-policy');

describe('dangling-network-policy', () => {
  it('names the policy, its selector and the namespace', async () => {
    const [f, ...rest] = await fixtureFindings('dangling-network-policy', 'fail-other-namespace');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.file).toBe('test/fixtures/rules/dangling-network-policy/fail-other-namespace/policy.yaml');
    expect(f.location.range.startLine).toBe(8);
    expect(f.message).toBe(
      'NetworkPolicy/data/db selects app=db, but no pod template in namespace "data" has these labels, so the policy isolates no pod and the traffic it should restrict is left open.',
    );
  });

  it('reports an empty podSelector only in a namespace without pods', async () => {
    const [f] = await fixtureFindings('dangling-network-policy', 'fail-empty-selector-no-pods.yaml');
    expect(f.location.range.startLine).toBe(9);
    expect(f.message).toContain('selects every pod of namespace "payments"');
  });

  it('matches the pod templates of every workload kind, bare Pods included', async () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: debug
spec:
  podSelector:
    matchLabels:
      app: debug
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  labels:
    app: debug
spec:
  containers:
    - name: debug
      image: busybox:1.36
`;
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === 'dangling-network-policy')).toEqual([]);
    const moved = await lintText(text.replace('  labels:\n    app: debug', '  labels:\n    app: other'));
    expect(moved.findings.filter((f) => f.ruleId === 'dangling-network-policy').map((f) => f.location.range.startLine)).toEqual([7]);
  });
});
