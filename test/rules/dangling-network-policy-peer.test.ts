import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-network-policy-peer');

describe('dangling-network-policy-peer details', () => {
  it('reports fail-peers.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('dangling-network-policy-peer', 'fail-peers.yaml');
    expect(f.ruleId).toBe('dangling-network-policy-peer');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(52);
    expect(f.message).toBe(
      "A peer of NetworkPolicy/shop/api selects pods with app=frontend, but no pod template in namespace \"shop\" has these labels, so this peer allows no traffic and the connections it was meant to allow are dropped.",
    );
  });
});
