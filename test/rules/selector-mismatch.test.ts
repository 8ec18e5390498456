import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('selector-mismatch');

const findingsOf = (fixture: string) => fixtureFindings('selector-mismatch', fixture);

describe('selector-mismatch details', () => {
  it('quotes the Kubernetes message and relates the template labels', async () => {
    const [first] = await findingsOf('fail-apps-v1.yaml');
    expect(first.location.range.startLine).toBe(7);
    expect(first.message).toContain('Deployment/default/web');
    expect(first.message).toContain('app=web');
    expect(first.message).toContain('labels app=api');
    expect(first.message).toContain('`selector` does not match template `labels`');
    expect(first.related).toHaveLength(1);
    expect(first.related[0].range.startLine).toBe(12);
    expect(first.related[0].note).toBe('the pod template labels');
  });

  it('reports empty, missing and invalid selectors with their reason', async () => {
    const findings = await findingsOf('fail-apps-v1.yaml');
    const byLine = new Map(findings.map((f) => [f.location.range.startLine, f.message]));
    expect(byLine.get(43)).toContain('empty selector is invalid for daemonset');
    expect(byLine.get(57)).toContain('has no spec.selector');
    expect(byLine.get(86)).toContain('"Equals" is not a valid label selector operator');
    expect(byLine.get(105)).toContain('operator In needs at least one value');
  });

  it('asks for a selector when a Job sets manualSelector', async () => {
    const findings = await findingsOf('fail-other-kinds.yaml');
    const missing = findings.find((f) => f.message.includes('Job/default/manual-missing'))!;
    expect(missing.message).toContain('manualSelector');
    expect(missing.location.range.startLine).toBe(41);
  });
});
