import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { validateConfig } from '../../src/config/config.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('required-labels');

const RULE = 'required-labels';

const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        team: shop
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

async function findings(options: Record<string, unknown> | undefined, level: 'warning' | 'off' | undefined = 'warning') {
  const rules = { [RULE]: options === undefined ? level : { level, options } };
  const result = await lintText(text, { config: { rules } as never });
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === RULE).map((f) => `${f.location.range.startLine}: ${f.message}`);
}

describe('required-labels details', () => {
  it('is off by default', async () => {
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('names the missing labels and explains template inheritance', async () => {
    const [f] = await fixtureFindings(RULE, 'fail-default.yaml');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(6);
    expect(f.message).toBe(
      'Deployment/default/web lacks the required label "app.kubernetes.io/name", so selections and reports by that label (kubectl -l, dashboards, cost reports, policies) leave it out.',
    );
    const all = await fixtureFindings(RULE, 'fail-default.yaml');
    expect(all[1].message).toContain("The pod template of Deployment/default/web lacks the required label");
    expect(all[1].message).toContain("pods get only their template's labels");
  });

  it('checks the configured labels, kinds and templates', async () => {
    expect(await findings(undefined)).toEqual([
      '13: The pod template of Deployment/default/web lacks the required label "app.kubernetes.io/name", so its pods do not carry it (pods get only their template\'s labels, not their workload\'s) and selections by that label miss them.',
    ]);
    const teamOwner = await findings({ labels: ['team', 'owner'] });
    expect(teamOwner).toHaveLength(2);
    expect(teamOwner[0]).toMatch(/^5: Deployment\/default\/web lacks the required labels "team", "owner", so selections and reports by these labels/);
    expect(teamOwner[1]).toMatch(/^13: The pod template of Deployment\/default\/web lacks the required label "owner",/);
    expect(await findings({ labels: ['team'], podTemplates: false })).toEqual([
      expect.stringMatching(/^5: Deployment\/default\/web lacks the required label "team"/),
    ]);
    expect(await findings({ labels: ['team'], kinds: ['ConfigMap'] })).toEqual([
      expect.stringMatching(/^24: ConfigMap\/default\/settings lacks the required label "team"/),
    ]);
    expect((await findings({ labels: ['team'], kinds: ['*'], podTemplates: false })).map((l) => l.split(':')[0])).toEqual(['5', '24']);
    expect(await findings({ labels: [] })).toEqual([]);
  });

  it('validates its options in the config schema', () => {
    const metas = RULES.map((r) => r.meta);
    expect(() => validateConfig({ rules: { [RULE]: { options: { labels: ['team'], kinds: ['Service'], podTemplates: false } } } }, metas)).not.toThrow();
    expect(() => validateConfig({ rules: { [RULE]: { options: { labels: 'team' } } } }, metas)).toThrow();
    expect(() => validateConfig({ rules: { [RULE]: { options: { label: ['team'] } } } }, metas)).toThrow(/label/);
  });
});
