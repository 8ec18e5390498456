import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('quota-exceeded');

describe('quota-exceeded messages', () => {
  it('says how many replicas the quota admits, with the API server message', async () => {
    const [f, ...rest] = await fixtureFindings('quota-exceeded', 'fail-third-replica.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(19);
    expect(f.message).toBe(
      'ResourceQuota/team/compute admits only 2 of the 3 pods of Deployment/team/api: ' +
        'exceeded quota: compute, requested: requests.cpu=800m, used: requests.cpu=1600m, limited: requests.cpu=2',
    );
    expect(f.related.map((r) => [r.file, r.range.startLine, r.note])).toEqual([
      ['test/fixtures/rules/quota-exceeded/fail-third-replica.yaml', 14, 'ResourceQuota/team/compute limits requests.cpu to 2'],
    ]);
  });

  it('names the containers that do not set a resource the quota tracks', async () => {
    const [f, ...rest] = await fixtureFindings('quota-exceeded', 'fail-must-specify.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(20);
    expect(f.message).toBe('ResourceQuota/team/memory rejects all 2 pods of Deployment/team/worker: failed quota: memory: must specify limits.memory for: migrate');
    expect(f.related.find((r) => r.note === 'container "migrate" sets no limits.memory')?.range.startLine).toBe(36);
  });
});
