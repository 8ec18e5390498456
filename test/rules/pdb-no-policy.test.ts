import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('pdb-no-policy');

describe('pdb-no-policy details', () => {
  it('reports fail-empty.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('pdb-no-policy', 'fail-empty.yaml');
    expect(f.ruleId).toBe('pdb-no-policy');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      "PodDisruptionBudget/default/web sets neither minAvailable nor maxUnavailable, so the disruption controller allows no eviction of the pods it selects and node drains hang on them; set maxUnavailable (for example 1).",
    );
  });
});
