import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('job-ttl');

describe('job-ttl details', () => {
  it('reports fail-no-ttl.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('job-ttl', 'fail-no-ttl.yaml');
    expect(f.ruleId).toBe('job-ttl');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(4);
    expect(f.message).toBe(
      "Job/default/migrate sets no ttlSecondsAfterFinished, so the finished Job and its pods stay in the cluster until deleted by hand.",
    );
  });
});
