import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('cronjob-deadline');

describe('cronjob-deadline details', () => {
  it('reports fail-no-deadline.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('cronjob-deadline', 'fail-no-deadline.yaml');
    expect(f.ruleId).toBe('cronjob-deadline');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(6);
    expect(f.message).toBe(
      "CronJob/default/report sets no startingDeadlineSeconds, so a missed run starts whenever the controller catches up, however late.",
    );
  });
});
