import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('privileged-container');

describe('privileged-container details', () => {
  it('points at the value and names the container kind and the workload', async () => {
    const found = await fixtureFindings('privileged-container', 'fail-containers.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([19, 24, 29]);
    expect(found[0].message).toContain('Init container "sysctl" of Deployment/default/agent runs privileged');
    expect(found[1].message).toContain('Sidecar container "proxy"');
    expect(found[2].message).toContain('Container "agent"');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('silences only the annotated sidecar', async () => {
    const result = await lintPaths(['test/fixtures/rules/privileged-container/fail-suppressed-sidecar.yaml']);
    const found = result.findings.filter((f) => f.ruleId === 'privileged-container');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('Container "web"')]);
    expect(result.stats.suppressed).toBeGreaterThanOrEqual(1);
  });
});
