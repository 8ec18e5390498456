import { describe, expect, it } from 'vitest';
import { ERR_FORMAT_WRONG, ERR_SUFFIX } from '../../src/k8s/quantity.js';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('invalid-quantity');


const findingsOf = (fixture: string) => fixtureFindings('invalid-quantity', fixture);

const at = (findings: Awaited<ReturnType<typeof findingsOf>>, line: number) => {
  const f = findings.find((x) => x.location.range.startLine === line);
  expect(f, `a finding on line ${line}`).toBeDefined();
  return f!;
};

describe('invalid-quantity details', () => {
  it('quotes the parser error and points at the value', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const f = at(findings, 24);
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      `The memory request of container "setup" is "1GB", which is not a valid quantity (${ERR_FORMAT_WRONG}), so the API server rejects Deployment/default/web.`,
    );
    expect(f.location.range.startColumn).toBe(23);
    expect(at(findings, 31).message).toContain(`is "1K", which is not a valid quantity (${ERR_SUFFIX})`);
    expect(at(findings, 35).message).toContain(`is a map, which is not a valid quantity (${ERR_FORMAT_WRONG})`);
    expect(at(findings, 34).message).toContain('is true, which is not a valid quantity');
    expect(at(findings, 36).message).toContain('is "", which is not a valid quantity');
  });

  it('reports negative, fractional and zero values where Kubernetes forbids them', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    expect(at(findings, 18).message).toBe(
      'The pod-level memory limit is -1Gi, which is negative (it must be greater than or equal to 0), so the API server rejects Deployment/default/web.',
    );
    expect(at(findings, 30).message).toContain('cpu request of container "web" is -100m, which is negative');
    expect(at(findings, 32).message).toContain('nvidia.com/gpu request of container "web" is 500m, which is not a whole number');
    expect(at(findings, 55).message).toContain('The storage request of ephemeral volume "cache" is 0, but it must be greater than zero');
    expect(at(findings, 47).message).toContain('The sizeLimit of emptyDir volume "scratch" is "1Gb"');
  });

  it('names claims, quotas and LimitRange items', async () => {
    const storage = await findingsOf('fail-storage.yaml');
    expect(at(storage, 9).message).toContain('The storage request is "10GB"');
    expect(at(storage, 9).message).toContain('PersistentVolumeClaim/default/data');
    expect(at(storage, 29).message).toContain('The storage capacity is -5Gi, which is negative');
    expect(at(storage, 29).message).toContain('PersistentVolume/pv1');
    expect(at(storage, 58).message).toContain('The storage request of volume claim template "data" is "ten-gigs"');
    const admission = await findingsOf('fail-admission.yaml');
    expect(at(admission, 8).message).toContain('The hard limit for pods is 1500m, which is not a whole number');
    expect(at(admission, 9).message).toContain('The hard limit for count/deployments.apps is -1, which is negative');
    expect(at(admission, 23).message).toContain('The max cpu of spec.limits[0] is "2 cores"');
    expect(at(admission, 23).message).toContain('LimitRange/team-a/limits');
  });
});
