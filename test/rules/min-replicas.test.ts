import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('min-replicas');

describe('min-replicas details', () => {
  it('reports fail-single.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('min-replicas', 'fail-single.yaml');
    expect(f.ruleId).toBe('min-replicas');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(6);
    expect(f.message).toBe(
      "Deployment/default/web runs 1 replica, fewer than 2, so a restart, rollout, eviction or node failure leaves it without a ready pod.",
    );
  });
});
