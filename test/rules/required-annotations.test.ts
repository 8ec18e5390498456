import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, lintText } from '../helpers/rule-tester.js';

const RULE = 'required-annotations';
describeRuleFixtures(RULE);

describe('required-annotations details', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;
  it('is off by default, requires owner when on, and nothing with an empty list', async () => {
    expect((await lintText(text)).findings.filter((f) => f.ruleId === RULE)).toEqual([]);
    const on = await lintText(text, { ruleLevels: { [RULE]: 'warning' } });
    expect(on.findings.filter((f) => f.ruleId === RULE).map((f) => f.message)).toEqual([
      'Service/default/web lacks the required annotation "owner", so the information the team agreed to record there is missing for it.',
    ]);
    const none = await lintText(text, { config: { rules: { [RULE]: { level: 'warning', options: { annotations: [] } } } } as never });
    expect(none.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('names the missing annotations', async () => {
    const result = await lintText(text, { config: { rules: { [RULE]: { level: 'warning', options: { annotations: ['owner', 'runbook'], kinds: ['*'] } } } } as never });
    const [f] = result.findings.filter((x) => x.ruleId === RULE);
    expect(f.location.range.startLine).toBe(4);
    expect(f.message).toBe(
      'Service/default/web lacks the required annotations "owner", "runbook", so the information the team agreed to record there is missing for it.',
    );
  });
});
