import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

const RULE = 'dangling-service-account';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string, options = {}) => fixtureFindings(RULE, fixture, options);
const ABSENT_NOTE = 'the input has no ServiceAccount objects at all';

describe('dangling-service-account details', () => {
  it('points at serviceAccountName (or the deprecated serviceAccount) and says admission rejects the pods', async () => {
    const found = await findingsOf('fail-missing.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [40, 31],
      [51, 19],
      [70, 27],
      [82, 23],
    ]);
    expect(found[0].message).toBe(
      'CronJob/shop/cleanup runs its pods as ServiceAccount "cleaner", which is not in the input in namespace "shop", so admission rejects every pod it creates (FailedCreate) and none runs.',
    );
    expect(found[1].message).toBe(
      'Pod/shop/debug runs as ServiceAccount "debugger" (deprecated field serviceAccount), which is not in the input in namespace "shop", so admission rejects the Pod.',
    );
    // ServiceAccount/shop/web exists, but the pods of Deployment/admin/other-namespace are in "admin".
    expect(found[2].message).toContain('ServiceAccount "web", which is not in the input in namespace "admin"');
    expect(found[3].message).toContain('ServiceAccount "${KSA_NAME}" (not a valid object name: an unrendered template placeholder?), which is not in the input');
    expect(found.every((f) => f.severity === 'warning' && !f.message.includes(ABSENT_NOTE))).toBe(true);
  });

  describe('reference policy', () => {
    it('caps the finding at info, with a note, when the input has no ServiceAccount at all', async () => {
      const [f, ...rest] = await findingsOf('fail-absent-kind.yaml');
      expect(rest).toEqual([]);
      expect(f.location.range.startLine).toBe(16);
      expect(f.severity).toBe('info');
      expect(f.message).toContain(ABSENT_NOTE);
    });

    it('reports at the rule level with references: strict', async () => {
      const [f] = await findingsOf('fail-absent-kind.yaml', { config: { references: 'strict' } });
      expect(f.severity).toBe('warning');
      expect(f.message).not.toContain(ABSENT_NOTE);
    });

    it('stays silent on ServiceAccounts declared external', async () => {
      expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['ServiceAccount/monitoring/*'] } })).toEqual([]);
      const left = await findingsOf('fail-missing.yaml', { config: { external: ['ServiceAccount/shop/*'] } });
      expect(left.map((f) => f.location.range.startLine)).toEqual([70]);
      expect(await findingsOf('fail-missing.yaml', { config: { external: ['ServiceAccount/*/*'] } })).toEqual([]);
    });
  });

  it('is silenced by a drydock-ignore comment above serviceAccountName, and only by it', async () => {
    const file = path.join(ROOT, 'test/fixtures/rules/dangling-service-account/pass-suppressed.yaml');
    const text = readFileSync(file, 'utf8');
    expect((await lintText(text, { simulate: false })).findings.filter((f) => f.ruleId === RULE)).toEqual([]);
    const uncommented = text.replace(/^\s*# drydock-ignore dangling-service-account.*\n/m, '');
    expect(uncommented).not.toBe(text);
    const found = (await lintText(uncommented, { simulate: false })).findings.filter((f) => f.ruleId === RULE);
    expect(found.map((f) => f.location.range.startLine)).toEqual([20]);
    const unannotated = text.replace(/^\s*annotations:\n\s*drydock\.io\/ignore: dangling-service-account\n/m, '');
    expect(unannotated).not.toBe(text);
    expect((await lintText(unannotated, { simulate: false })).findings.filter((f) => f.ruleId === RULE && f.message.includes('external-robot'))).toHaveLength(1);
  });
});
