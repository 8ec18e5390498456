import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('invalid-probe');


const findingsOf = (file: string) => fixtureFindings('invalid-probe', file);

describe('invalid-probe messages', () => {
  it('uses the API server wording for handler problems', async () => {
    const found = await findingsOf('fail-handlers.yaml');
    const byLine = new Map(found.map((f) => [f.location.range.startLine, f]));
    expect(byLine.get(17)?.message).toContain('must specify a handler type');
    expect(byLine.get(17)?.location.range.startColumn).toBe(11); // the livenessProbe key
    expect(byLine.get(25)?.message).toContain('sets tcpSocket as well as httpGet');
    expect(byLine.get(25)?.message).toContain('may not specify more than 1 handler type');
    expect(byLine.get(34)?.message).toContain('sets grpc as well as exec');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('says "must be 1" for liveness and startup success thresholds', async () => {
    const found = await findingsOf('fail-thresholds.yaml');
    const byLine = new Map(found.map((f) => [f.location.range.startLine, f.message]));
    expect(byLine.get(12)).toContain('successThreshold 2, but it must be 1');
    expect(byLine.get(17)).toContain('must be 1');
    expect(byLine.get(22)).toContain('greater than or equal to 0');
    expect(byLine.get(13)).toContain('initialDelaySeconds -5');
    expect(found).toHaveLength(7);
  });

  it('names init and ephemeral containers and the forbidden field', async () => {
    const found = await findingsOf('fail-forbidden.yaml');
    const byLine = new Map(found.map((f) => [f.location.range.startLine, f.message]));
    expect(byLine.get(10)).toContain('init container "migrate" of Pod/default/app sets livenessProbe');
    expect(byLine.get(10)).toContain('restartPolicy: Always');
    expect(byLine.get(17)).toContain('sets lifecycle');
    expect(byLine.get(27)).toContain('sidecar container "sidecar"');
    expect(byLine.get(34)).toContain('ephemeral container "debug"');
  });

  it('rejects terminationGracePeriodSeconds on a readiness probe', async () => {
    const found = await findingsOf('fail-grace.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([21, 25]);
    expect(found[0].message).toContain('must not be set for readiness probes');
    expect(found[1].message).toContain('must be greater than 0');
  });
});
