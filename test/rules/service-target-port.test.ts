import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('service-target-port');

const DIR = 'test/fixtures/rules/service-target-port';

const findingsOf = (fixture: string) => fixtureFindings('service-target-port', fixture);

describe('service-target-port details', () => {
  it('reports a missing name as an error with the selected workload related', async () => {
    const [f, ...rest] = await findingsOf('fail-named-port-missing.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toContain('Service/default/web port "http" (80/TCP) targets container port "htpp"');
    expect(f.message).toContain('Deployment/default/web');
    expect(f.related).toHaveLength(1);
    expect(f.related[0].note).toBe('selected workload');
    expect(f.related[0].range.startLine).toBe(20);
  });

  it('explains a digit string and suggests the number', async () => {
    const [f] = await findingsOf('fail-digit-string.yaml');
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toContain('targetPort "8080" as a string');
    expect(f.message).toContain('write it as the number 8080');
  });

  it('reports an undeclared number as a warning listing the declared ports', async () => {
    const [f] = await findingsOf('fail-number-not-declared.yaml');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toContain('container port 9090');
    expect(f.message).toContain('declare only port(s) 8080');
  });

  it('points at port when targetPort is absent', async () => {
    const [f] = await findingsOf('fail-default-target-port.yaml');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(10);
    expect(f.location.range.startColumn).toBe(13);
    expect(f.message).toContain('container port 80');
  });

  it('names the protocol a same-named port has', async () => {
    const [f] = await findingsOf('fail-protocol-mismatch.yaml');
    expect(f.message).toContain('port "dns-udp" (53/UDP)');
    expect(f.message).toContain('only container "dns" declares it, with protocol TCP');
  });
});

describe('service-target-port robustness', () => {
  it('does not throw on malformed Services and containers', async () => {
    const result = await lintPaths([`${DIR}/pass-odd-types.yaml`]);
    expect(result.failures.filter((f) => f.ruleId === 'service-target-port')).toEqual([]);
  });
});
