import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('default-service-account');

describe('default-service-account details', () => {
  it('reports fail-default.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('default-service-account', 'fail-default.yaml');
    expect(f.ruleId).toBe('default-service-account');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      "Pod/default/implicit names no ServiceAccount, so it runs as the namespace's \"default\" ServiceAccount, sharing its identity and permissions with every other pod that does; give it its own ServiceAccount.",
    );
  });
});
