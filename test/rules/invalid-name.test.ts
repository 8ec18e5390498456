import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('invalid-name');

const findingsOf = (fixture: string) => fixtureFindings('invalid-name', fixture);

describe('invalid-name details', () => {
  it('quotes the name and the Kubernetes reason', async () => {
    const findings = await findingsOf('fail-object-names.yaml');
    const deployment = findings.find((f) => f.location.range.startLine === 4)!;
    expect(deployment.message).toContain('"My_App"');
    expect(deployment.message).toContain('DNS-1123 subdomain');
    expect(deployment.message).toContain('lowercase RFC 1123 subdomain');
    const service = findings.find((f) => f.location.range.startLine === 22)!;
    expect(service.message).toContain('DNS-1035 label');
    const cronJob = findings.find((f) => f.message.includes('nightly-report'))!;
    expect(cronJob.message).toContain('must be no more than 52 characters');
    expect(cronJob.message).toContain('has 53 characters');
    const empty = findings.find((f) => f.message.includes('empty metadata.name'))!;
    expect(empty.location.range.startLine).toBe(83);
  });

  it('reports a port name used by two containers as a warning and duplicates inside one container as errors', async () => {
    const findings = await findingsOf('fail-pod-names.yaml');
    const cross = findings.find((f) => f.message.includes('also used by container "app"'))!;
    expect(cross.severity).toBe('warning');
    expect(cross.location.range.startLine).toBe(57);
    expect(cross.related[0].range.startLine).toBe(52);
    const own = findings.find((f) => f.message.includes('used twice in container'))!;
    expect(own.severity).toBe('error');
    expect(own.location.range.startLine).toBe(25);
    const dupContainer = findings.find((f) => f.message.includes('Container name "setup"'))!;
    expect(dupContainer.message).toContain('init container');
    expect(dupContainer.related[0].range.startLine).toBe(15);
  });

  it('points at the generateName and namespace values', async () => {
    const findings = await findingsOf('fail-generate-name-and-namespace.yaml');
    expect(findings.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [4, 17],
      [16, 17],
      [26, 14],
    ]);
    expect(findings[0].message).toContain('generateName "Migrate-"');
    expect(findings[2].message).toContain('namespace "Team_A"');
  });
});
