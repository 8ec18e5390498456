import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('json reporter', () => {
  it('has the documented, stable shape', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    const run = await runCli(['--format', 'json', '-'], { stdin: text });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['formatVersion', 'tool', 'findings', 'counts', 'stats']);
    expect(report.formatVersion).toBe(1);
    expect(report.tool.name).toBe('drydock');
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(report.stats).toMatchObject({ files: 1, documents: 2, objects: 2, skippedFiles: 0, suppressed: 0 });
    const [f] = report.findings;
    expect(Object.keys(f)).toEqual(['rule', 'severity', 'message', 'file', 'range', 'object', 'related', 'fingerprint']);
    expect(f).toMatchObject({
      rule: 'duplicate-object',
      severity: 'error',
      file: '<stdin>',
      range: { startLine: 9, startColumn: 9, endLine: 9, endColumn: 10 },
      object: { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'a' },
    });
    expect(f.related[0]).toMatchObject({ file: '<stdin>', range: { startLine: 4 }, note: expect.any(String) });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('prints an empty list and zero counts for clean input', async () => {
    const report = JSON.parse((await runCli(['--format', 'json', '-'], { stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' })).stdout);
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
