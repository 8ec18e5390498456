import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('duplicate-env-var');

describe('duplicate-env-var details', () => {
  it('reports fail-duplicates.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('duplicate-env-var', 'fail-duplicates.yaml');
    expect(f.ruleId).toBe('duplicate-env-var');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(20);
    expect(f.message).toBe(
      "Env var \"DB_HOST\" is defined again in init container \"migrate\" of Deployment/default/api, and the kubelet keeps only the last definition, so the earlier ones are silently ignored.",
    );
  });
});
