import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('unknown-kind');

describe('unknown-kind', () => {
  it('reports custom resources whose CRD is not in the input', async () => {
    const withCrd = await lintPaths(['test/fixtures/rules/schema/fail-crd']);
    expect(withCrd.findings.filter((f) => f.ruleId === 'unknown-kind')).toEqual([]);
    const withoutCrd = await lintPaths(['test/fixtures/rules/schema/fail-crd/widgets.yaml']);
    const found = withoutCrd.findings.filter((f) => f.ruleId === 'unknown-kind');
    expect(found.map((f) => f.location.range.startLine)).toEqual([2, 10]);
    expect(withoutCrd.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('says which version the CRD does not serve', async () => {
    const [f] = await fixtureFindings('unknown-kind', 'fail-unserved-version');
    expect(f.message).toContain('not with a served version v2');
  });
});
