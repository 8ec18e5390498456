import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-pdb');

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
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
`;

describe('dangling-pdb messages', () => {
  it('names the budget, the selector and the namespace', async () => {
    const [f, ...rest] = await fixtureFindings('dangling-pdb', 'fail-other-namespace');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.file).toBe('test/fixtures/rules/dangling-pdb/fail-other-namespace/pdb.yaml');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toContain('PodDisruptionBudget/shop/web selects app=web');
    expect(f.message).toContain('namespace "shop"');
  });

  it('explains the policy/v1beta1 empty selector', async () => {
    const findings = await fixtureFindings('dangling-pdb', 'fail-empty-selectors.yaml');
    const legacy = findings.find((f) => f.message.includes('PodDisruptionBudget/default/legacy'));
    expect(legacy?.location.range.startLine).toBe(8);
    expect(legacy?.message).toContain('policy/v1beta1 selects no pods');
    const all = findings.find((f) => f.message.includes('PodDisruptionBudget/batch/everything'));
    expect(all?.message).toContain('every pod of namespace "batch"');
  });

  it('treats an empty policy/v1 selector as every pod, and v1beta1 as none, in the same namespace', async () => {
    const pdb = (version: string) =>
      `apiVersion: policy/${version}\nkind: PodDisruptionBudget\nmetadata:\n  name: all\nspec:\n  maxUnavailable: 1\n  selector: {}\n---\n${deployment}`;
    const v1 = await lintText(pdb('v1'));
    expect(v1.findings.filter((f) => f.ruleId === 'dangling-pdb')).toEqual([]);
    const beta = await lintText(pdb('v1beta1'));
    expect(beta.findings.filter((f) => f.ruleId === 'dangling-pdb').map((f) => f.location.range.startLine)).toEqual([7]);
  });

  it('reports a missing selector', async () => {
    const [f] = await fixtureFindings('dangling-pdb', 'fail-missing-selector.yaml');
    expect(f.message).toBe('PodDisruptionBudget/default/web has no spec.selector, so it selects no pods and protects nothing from eviction.');
  });
});
