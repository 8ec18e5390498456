import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-network-policy');

describe('missing-network-policy details', () => {
  it('reports fail-unselected.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('missing-network-policy', 'fail-unselected.yaml');
    expect(f.ruleId).toBe('missing-network-policy');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(4);
    expect(f.message).toBe(
      "No NetworkPolicy in namespace \"default\" selects the pods of Deployment/default/web for ingress, so every pod of the cluster can connect to them.",
    );
  });
});
