import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('label-syntax');


const findingsOf = (fixture: string) => fixtureFindings('label-syntax', fixture);

describe('label-syntax details', () => {
  it('points at bad keys (key part) and bad values (value part)', async () => {
    const findings = await findingsOf('fail-object-labels.yaml');
    const key = findings.find((f) => f.location.range.startLine === 6)!;
    expect(key.location.range.startColumn).toBe(5);
    expect(key.message).toContain('Label key "-tier"');
    const value = findings.find((f) => f.location.range.startLine === 10)!;
    expect(value.location.range.startColumn).toBe(14);
    expect(value.message).toContain('"has space"');
  });

  it('explains YAML 1.1 booleans and numbers and reports null values as warnings', async () => {
    const findings = await findingsOf('fail-object-labels.yaml');
    const yes = findings.find((f) => f.location.range.startLine === 14)!;
    expect(yes.severity).toBe('error');
    expect(yes.message).toContain('boolean');
    const num = findings.find((f) => f.location.range.startLine === 15)!;
    expect(num.message).toContain('number');
    const empty = findings.find((f) => f.location.range.startLine === 16)!;
    expect(empty.severity).toBe('warning');
    const nullAnnotation = findings.find((f) => f.location.range.startLine === 20)!;
    expect(nullAnnotation.severity).toBe('warning');
  });

  it('never prints annotation values', async () => {
    const findings = await findingsOf('fail-templates-and-selectors.yaml');
    const checksum = findings.find((f) => f.message.includes('checksum/config'))!;
    expect(checksum.message).not.toContain('12345');
  });

  it('reports annotations over 256 KiB at metadata.annotations', async () => {
    const big = 'x'.repeat(262144 - 'big'.length - 'small'.length - 2);
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: big
  annotations:
    big: ${big}
    small: "abc"
`;
    const { findings } = await lintText(text);
    const size = findings.filter((f) => f.ruleId === 'label-syntax');
    expect(size).toHaveLength(1);
    expect(size[0].location.range.startLine).toBe(6);
    expect(size[0].message).toContain('262145 bytes');
    expect(size[0].message).not.toContain('xxxx');

    const fits = text.replace('"abc"', '"ab"');
    const ok = await lintText(fits);
    expect(ok.findings.filter((f) => f.ruleId === 'label-syntax')).toEqual([]);
  });
});
