import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('rbac-sensitive-access');

describe('rbac-sensitive-access details', () => {
  it('reports fail-grants.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('rbac-sensitive-access', 'fail-grants.yaml');
    expect(f.ruleId).toBe('rbac-sensitive-access');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toBe(
      "ClusterRole/deployer grants get/list on Secrets (reads every credential it can list), which is enough to take over other identities in its scope.",
    );
  });
});
