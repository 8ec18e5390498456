import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-readiness-probe');

describe('missing-readiness-probe messages', () => {
  it('names the container and the workload', async () => {
    const result = await lintPaths(['test/fixtures/rules/missing-readiness-probe/fail-deployment.yaml']);
    const found = result.findings.filter((f) => f.ruleId === 'missing-readiness-probe');
    expect(found.map((f) => f.location.range.startLine)).toEqual([15, 22]);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('Container "web" of Deployment/default/web has no readinessProbe');
    expect(found[1].message).toContain('Container "exporter"');
  });

  it('calls a sidecar init container a sidecar', async () => {
    const result = await lintPaths(['test/fixtures/rules/missing-readiness-probe/fail-sidecar.yaml']);
    const found = result.findings.filter((f) => f.ruleId === 'missing-readiness-probe');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('Sidecar container "log-shipper"');
  });
});
