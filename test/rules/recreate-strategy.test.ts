import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('recreate-strategy');

describe('recreate-strategy details', () => {
  it('reports fail-recreate.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('recreate-strategy', 'fail-recreate.yaml');
    expect(f.ruleId).toBe('recreate-strategy');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(8);
    expect(f.message).toBe(
      "Deployment/default/web uses the Recreate strategy while Service/default/web routes to it, so every rollout stops all old pods before new ones are ready and the Service has no endpoints in between.",
    );
  });
});
