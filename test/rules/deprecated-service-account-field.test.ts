import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('deprecated-service-account-field');

describe('deprecated-service-account-field details', () => {
  it('reports fail-alias.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('deprecated-service-account-field', 'fail-alias.yaml');
    expect(f.ruleId).toBe('deprecated-service-account-field');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(14);
    expect(f.message).toBe(
      "Deployment/default/api names its ServiceAccount with the deprecated field serviceAccount; use serviceAccountName, which the API server, policies and tools read.",
    );
  });
});
