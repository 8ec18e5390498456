import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('requests-exceed-limits');

const DIR = 'test/fixtures/rules/requests-exceed-limits';

const findingsOf = (fixture: string) => fixtureFindings('requests-exceed-limits', fixture);

const at = (findings: Awaited<ReturnType<typeof findingsOf>>, line: number) => {
  const f = findings.find((x) => x.location.range.startLine === line);
  expect(f, `a finding on line ${line}`).toBeDefined();
  return f!;
};

describe('requests-exceed-limits details', () => {
  it('words the message like Kubernetes, with canonical quantities, and relates the limit', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const init = at(findings, 19);
    expect(init.severity).toBe('error');
    expect(init.message).toBe(
      'Container "setup" of Deployment/default/web: cpu request 2 must be less than or equal to cpu limit 1, so the API server rejects the object.',
    );
    expect(init.related.map((r) => [r.note, r.range.startLine])).toEqual([['the cpu limit', 21]]);
    expect(at(findings, 28).message).toContain('memory request 64Mi must be less than or equal to memory limit 64M');
    expect(at(findings, 36).message).toContain('ephemeral-storage request 2Gi must be less than or equal to ephemeral-storage limit 1Gi');
  });

  it('requires equal request and limit for extended resources and huge pages', async () => {
    const findings = await findingsOf('fail-extended.yaml');
    expect(at(findings, 15).message).toContain('nvidia.com/gpu request 1 must be equal to nvidia.com/gpu limit 2');
    expect(at(findings, 16).message).toContain('requests hugepages-2Mi but sets no hugepages-2Mi limit');
    expect(at(findings, 17).message).toContain('requests example.com/fpga but sets no example.com/fpga limit');
  });

  it('checks pod-level resources', async () => {
    const [f] = await findingsOf('fail-pod-level.yaml');
    expect(f.message).toBe(
      'The pod-level resources of Pod/default/pod-level: cpu request 2 must be less than or equal to cpu limit 1, so the API server rejects the object.',
    );
  });

  it('names the LimitRange whose default limit is below the request', async () => {
    const [f] = await findingsOf('fail-limitrange-default');
    expect(f.message).toContain('memory request 1Gi must be less than or equal to memory limit 512Mi, the default limit that LimitRange/default/defaults sets');
    expect(f.related[0].note).toBe('the default memory limit of the LimitRange');
    expect(f.related[0].file).toBe(`${DIR}/fail-limitrange-default/limitrange.yaml`);
    expect(f.related[0].range.startLine).toBe(10);
  });
});
