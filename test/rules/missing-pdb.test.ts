import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-pdb');

describe('missing-pdb details', () => {
  it('reports fail-no-pdb.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('missing-pdb', 'fail-no-pdb.yaml');
    expect(f.ruleId).toBe('missing-pdb');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toBe(
      "Deployment/default/web runs 3 replicas but no PodDisruptionBudget in namespace \"default\" selects its pods, so a node drain may evict all of them at once.",
    );
  });
});
