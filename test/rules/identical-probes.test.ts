import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('identical-probes');

describe('identical-probes', () => {
  it('points at the livenessProbe key and relates the readinessProbe key', async () => {
    const result = await lintPaths(['test/fixtures/rules/identical-probes/fail-identical-http.yaml']);
    const found = result.findings.filter((f) => f.ruleId === 'identical-probes');
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(17);
    expect(f.location.range.startColumn).toBe(11);
    expect(f.location.range.endColumn).toBe(11 + 'livenessProbe'.length);
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[22, 'the identical readinessProbe']]);
    expect(f.message).toContain('container "web" in Deployment/default/web');
    expect(f.message).toContain('restarts');
  });
});
