import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('cronjob-schedule');

const RULE = 'cronjob-schedule';

const cronJob = (schedule: string, timeZone?: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: ${JSON.stringify(schedule)}
${timeZone === undefined ? '' : `  timeZone: ${JSON.stringify(timeZone)}\n`}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: example/report:1.0.0
`;

async function findingsOf(text: string, kubernetesVersion?: string) {
  const result = await lintText(text, kubernetesVersion ? { kubernetesVersion } : {});
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === RULE);
}

describe('cronjob-schedule details', () => {
  it('says why a schedule is rejected, at the schedule value', async () => {
    const [f] = await fixtureFindings(RULE, 'fail-schedule.yaml');
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(7);
    expect(f.location.range.startColumn).toBe(13);
    expect(f.message).toBe(
      'CronJob/default/minute-too-big has schedule "61 * * * *", which the API server rejects: minute field "61": 61 is above the maximum 59.',
    );
  });

  it.each([
    ['0 * * *', 'it has 4 fields where exactly 5 are needed'],
    ['0 0 * * 7', 'day of week field "7": 7 is above the maximum 6'],
    ['*/0 * * * *', 'the step of "*/0" must be a positive number'],
    ['0 0 L * *', '"L" is not a number'],
    ['0 0 1 JANUARY *', '"JANUARY" is not a number or a name'],
    ['@reboot', '"@reboot" is not a known descriptor'],
    ['@every 1 hour', '"1 hour" is not a duration'],
    ['0 5-1 * * *', 'the range "5-1" starts after it ends'],
  ])('explains %s', async (schedule, reason) => {
    const [f] = await findingsOf(cronJob(schedule));
    expect(f.severity).toBe('error');
    expect(f.message).toContain(reason);
  });

  it('warns, below error, about a schedule that never fires and a step past the range', async () => {
    const never = await findingsOf(cronJob('0 0 30 2 *'));
    expect(never.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'CronJob/default/report has schedule "0 0 30 2 *", which matches no date that exists (such as February 30), so the CronJob never creates a Job.'],
    ]);
    const step = await findingsOf(cronJob('*/90 * * * *'));
    expect(step).toHaveLength(1);
    expect(step[0].severity).toBe('warning');
    expect(step[0].message).toContain('minute step in "*/90" is larger than the whole minute range, so it selects only minute 0');
  });

  it('rejects TZ= in the schedule from Kubernetes 1.29, and only warns before', async () => {
    const text = cronJob('CRON_TZ=Europe/Paris 0 3 * * *');
    const now = await findingsOf(text);
    expect(now.map((f) => f.severity)).toEqual(['error']);
    expect(now[0].message).toContain('set spec.timeZone instead');
    const old = await findingsOf(text, '1.27');
    expect(old.map((f) => f.severity)).toEqual(['warning']);
    const both = await findingsOf(cronJob('TZ=UTC 0 3 * * *', 'Etc/UTC'), '1.27');
    expect(both.map((f) => f.severity)).toEqual(['error']);
    expect(both[0].message).toContain('together with spec.timeZone');
  });

  it('suggests the right case for a time zone', async () => {
    const [f] = await findingsOf(cronJob('0 3 * * *', 'europe/paris'));
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toBe(
      'CronJob/default/report has timeZone "europe/paris", which is not a known time zone: names are case-sensitive, use "Europe/Paris", so the API server rejects the CronJob.',
    );
  });

  it('accepts every zone Node.js knows', async () => {
    for (const zone of Intl.supportedValuesOf('timeZone').slice(0, 40)) {
      expect(await findingsOf(cronJob('0 3 * * *', zone))).toEqual([]);
    }
  });
});
