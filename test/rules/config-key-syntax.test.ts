import { describe, expect, it } from 'vitest';
import { decodeBase64Strict } from '../../src/k8s/base64.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('config-key-syntax');


const findingsOf = (fixture: string) => fixtureFindings('config-key-syntax', fixture);

describe('config-key-syntax details', () => {
  it('points at bad keys and at bad values', async () => {
    const findings = await findingsOf('fail-configmap.yaml');
    const key = findings.find((f) => f.location.range.startLine === 8)!;
    expect(key.location.range.startColumn).toBe(3);
    expect(key.message).toContain('Key "bad key"');
    const dup = findings.find((f) => f.location.range.startLine === 10)!;
    expect(dup.message).toContain('both data and binaryData');
    expect(dup.related[0].range.startLine).toBe(17);
    const port = findings.find((f) => f.location.range.startLine === 11)!;
    expect(port.location.range.startColumn).toBe(9);
    expect(port.message).toContain('number');
  });

  it('never puts a value in a message', async () => {
    const secrets = await findingsOf('fail-secret.yaml');
    const configs = await findingsOf('fail-configmap.yaml');
    expect(secrets).toHaveLength(9);
    const values = ['hunter2', 'cGFzcw', '1234', 'YWRt', 'YQ==', '5432', 'not base64', 'a-_b', 'also in binaryData'];
    for (const f of [...secrets, ...configs]) for (const v of values) expect(f.message).not.toContain(v);
  });

  it('reports data over 1 MiB at metadata.name with the size', async () => {
    // 786432 base64 characters decode to 589824 bytes; two of them exceed 1 MiB.
    const chunk = 'QUFB'.repeat(196608);
    const secret = `apiVersion: v1
kind: Secret
metadata:
  name: big
data:
  a: ${chunk}
  b: ${chunk}
`;
    const { findings } = await lintText(secret);
    const size = findings.filter((f) => f.ruleId === 'config-key-syntax');
    expect(size).toHaveLength(1);
    expect(size[0].location.range.startLine).toBe(4);
    expect(size[0].message).toContain('1179648 bytes');
    expect(size[0].message).not.toContain('QUFB');

    // stringData replaces the data value of the same key: 589824 + 3 bytes fits.
    const merged = `${secret}stringData:\n  b: abc\n`;
    const ok = await lintText(merged);
    expect(ok.findings.filter((f) => f.ruleId === 'config-key-syntax')).toEqual([]);
  });

  it('counts ConfigMap data and decoded binaryData together', async () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: big
data:
  a: ${'x'.repeat(1048576 - 3)}
binaryData:
  b: QUFB
`;
    const over = await lintText(text.replace('QUFB', 'QUFBQQ=='));
    expect(over.findings.filter((f) => f.ruleId === 'config-key-syntax').map((f) => f.message)).toEqual([
      expect.stringContaining('1048577 bytes'),
    ]);
    const exact = await lintText(text);
    expect(exact.findings.filter((f) => f.ruleId === 'config-key-syntax')).toEqual([]);
  });
});

describe('decodeBase64Strict', () => {
  const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : Buffer.from(b).toString('latin1'));

  it('decodes padded standard base64', () => {
    expect(text(decodeBase64Strict('YWRtaW4='))).toBe('admin');
    expect(text(decodeBase64Strict('YQ=='))).toBe('a');
    expect(text(decodeBase64Strict('YWFh'))).toBe('aaa');
    expect(text(decodeBase64Strict(''))).toBe('');
    expect(text(decodeBase64Strict('+/+/'))).toBe('\xfb\xff\xbf');
  });

  it('ignores CR and LF anywhere, like Go', () => {
    expect(text(decodeBase64Strict('YWRt\naW4=\n'))).toBe('admin');
    expect(text(decodeBase64Strict('YWRt\r\naW4=\r\n'))).toBe('admin');
    expect(text(decodeBase64Strict('YQ=\n='))).toBe('a');
    expect(text(decodeBase64Strict('\n'))).toBe('');
  });

  it('tolerates non-zero trailing bits (StdEncoding is not strict mode)', () => {
    expect(text(decodeBase64Strict('YR=='))).toBe('a');
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['YQ', 'YQ=', 'YWRtaW4', 'a-_b', 'YW Rt', 'YWRt\taW4=', 'Y===', '====', 'YQ==YQ==', 'YQ==a', 'é===', '=YWE'])
      expect(decodeBase64Strict(bad), JSON.stringify(bad)).toBeUndefined();
  });
});
