import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('limitrange-violation');

describe('limitrange-violation messages', () => {
  it('points at the limit above the maximum, with the LimitRanger message', async () => {
    const [f, ...rest] = await fixtureFindings('limitrange-violation', 'fail-max-cpu.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(42);
    expect(f.message).toBe('LimitRange/small/limits rejects all 2 pods of Deployment/small/hungry: maximum cpu usage per Container is 1, but limit is 2');
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[16, 'the max cpu of LimitRange/small/limits']]);
  });

  it('reports each violated constraint of a container on its own value', async () => {
    const findings = await fixtureFindings('limitrange-violation', 'fail-min-and-ratio.yaml');
    expect(findings.map((f) => [f.location.range.startLine, f.message])).toEqual([
      [32, 'LimitRange/small/limits rejects Pod/small/tiny: minimum memory usage per Container is 128Mi, but request is 64Mi'],
      [34, 'LimitRange/small/limits rejects Pod/small/tiny: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000'],
    ]);
  });
});
