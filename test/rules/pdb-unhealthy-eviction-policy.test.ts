import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('pdb-unhealthy-eviction-policy');

describe('pdb-unhealthy-eviction-policy details', () => {
  it('reports fail-default.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('pdb-unhealthy-eviction-policy', 'fail-default.yaml');
    expect(f.ruleId).toBe('pdb-unhealthy-eviction-policy');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      "PodDisruptionBudget/default/web does not set unhealthyPodEvictionPolicy, so pods that run but are not ready count against the budget and can block node drains; set it to AlwaysAllow.",
    );
  });
});
