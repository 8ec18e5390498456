import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('job-restart-policy');

const RULE = 'job-restart-policy';

describe('job-restart-policy details', () => {
  it('explains an explicit Always and names the Job', async () => {
    const [f] = await fixtureFindings(RULE, 'fail-job.yaml');
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(9);
    expect(f.message).toBe(
      'Job/default/migrate sets restartPolicy "Always" in its pod template, but a Job accepts only OnFailure or Never, so the API server rejects the Job.',
    );
  });

  it('explains the Always default when restartPolicy is unset', async () => {
    const findings = await fixtureFindings(RULE, 'fail-cronjob.yaml');
    const f = findings.find((x) => x.location.range.startLine === 28)!;
    expect(f.message).toContain('CronJob/default/cleanup sets no restartPolicy');
    expect(f.message).toContain('defaults to Always');
    expect(f.message).toContain('its job template is validated as a Job');
  });

  it('points at the podFailurePolicy as related', async () => {
    const [f] = await fixtureFindings(RULE, 'fail-pod-failure-policy.yaml');
    expect(f.message).toContain('podFailurePolicy, which requires Never');
    expect(f.related.map((r) => r.range.startLine)).toEqual([7]);
  });

  it('reports an unknown value only once, as a schema error', async () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    spec:
      restartPolicy: Sometimes
      containers:
        - name: main
          image: example/main:1.0.0
`;
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.location.range.startLine)).toEqual([8]);
    const alone = await lintText(text, { ruleLevels: { schema: 'off' } });
    expect(alone.findings.filter((f) => f.ruleId === RULE).map((f) => f.location.range.startLine)).toEqual([8]);
  });
});
