import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-anti-affinity');

describe('missing-anti-affinity details', () => {
  it('reports fail-no-spread.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('missing-anti-affinity', 'fail-no-spread.yaml');
    expect(f.ruleId).toBe('missing-anti-affinity');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(15);
    expect(f.message).toBe(
      "Deployment/default/web runs 3 replicas without pod anti-affinity or topologySpreadConstraints on its own labels, so the scheduler may put them all on one node and one node failure takes them all down.",
    );
  });
});
