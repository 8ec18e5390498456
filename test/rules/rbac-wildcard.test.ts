import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('rbac-wildcard');

describe('rbac-wildcard details', () => {
  it('reports fail-wildcards.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('rbac-wildcard', 'fail-wildcards.yaml');
    expect(f.ruleId).toBe('rbac-wildcard');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(8);
    expect(f.message).toBe(
      "ClusterRole/operator grants every verb on every resource of every API group through a wildcard, which covers delete and any verb added later and every resource type added later, Secrets included; list the verbs and resources it needs.",
    );
  });
});
