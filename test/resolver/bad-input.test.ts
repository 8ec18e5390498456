/**
 * Bad input never crashes drydock, never hangs, and never hides the findings of other files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

/** A Service whose selector matches nothing: a dependable finding that proves a file was linted. */
const GOOD_WITH_FINDING = `apiVersion: v1
kind: Service
metadata:
  name: lonely
spec:
  selector:
    app: nobody
  ports:
    - port: 80
`;

function dirWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-bad-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const rulesOf = (r: Awaited<ReturnType<typeof lint>>, file: string) =>
  r.findings.filter((f) => f.location.file === file).map((f) => `${f.ruleId}@${f.location.range.startLine}`);

describe('bad input', () => {
  it('reports invalid YAML at its line and still lints the valid files beside it', async () => {
    const dir = dirWith({ 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [a\n', 'good.yaml': GOOD_WITH_FINDING });
    const r = await lint(['.'], { cwd: dir });
    expect(rulesOf(r, 'bad.yaml')).toEqual(['yaml-syntax@5']);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });

  it('checks the other documents of a file with one broken document', async () => {
    const text = `${GOOD_WITH_FINDING}---\napiVersion: v1\nkind: ConfigMap\n metadata: {}\n---\n${GOOD_WITH_FINDING.replace('lonely', 'second')}`;
    const r = await lint(['x.yaml'], { cwd: dirWith({ 'x.yaml': text }) });
    expect(rulesOf(r, 'x.yaml')).toEqual(['dangling-service@7', 'yaml-syntax@13', 'dangling-service@21']);
  });

  it('stops an alias bomb quickly with a finding', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${levels.map((l) => '  ' + l).join('\n')}\n`;
    const dir = dirWith({ 'bomb.yaml': text, 'good.yaml': GOOD_WITH_FINDING });
    const r = await lint(['.'], { cwd: dir });
    const bomb = r.findings.find((f) => f.location.file === 'bomb.yaml');
    expect(bomb?.ruleId).toBe('yaml-syntax');
    expect(bomb?.message).toMatch(/alias bomb/);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });

  it('lints a 20 MB file of many documents', async () => {
    const doc = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  labels:\n    app: big\ndata:\n  payload: "${'x'.repeat(1900)}"\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 20 * 1024 * 1024; i++) {
      const d = doc(i);
      parts.push(d);
      size += d.length + 4;
    }
    // One broken document near the end must be found at its exact line.
    parts.splice(parts.length - 2, 0, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata: [\n');
    const text = parts.join('---\n');
    const brokenLine = text.slice(0, text.indexOf('name: broken')).split('\n').length + 1;
    const dir = dirWith({ 'big.yaml': text, 'good.yaml': GOOD_WITH_FINDING });
    const r = await lint(['.'], { cwd: dir });
    expect(r.stats.objects).toBe(parts.length - 1 + 1);
    expect(rulesOf(r, 'big.yaml').filter((x) => x.startsWith('yaml-syntax'))).toEqual([`yaml-syntax@${brokenLine}`]);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });

  it('reports a binary file named .yaml and goes on', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const r = await lint(['.'], { cwd: dirWith({ 'image.yaml': bytes, 'good.yaml': GOOD_WITH_FINDING }) });
    const f = r.findings.find((x) => x.location.file === 'image.yaml');
    expect(f?.ruleId).toBe('yaml-syntax');
    expect(f?.message).toMatch(/binary/);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });

  it('reports invalid UTF-8 at the line of the bad byte', async () => {
    const text = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const r = await lint(['latin1.yaml'], { cwd: dirWith({ 'latin1.yaml': text }) });
    expect(r.findings.map((f) => `${f.ruleId}@${f.location.range.startLine}:${f.location.range.startColumn}`)).toEqual(['yaml-syntax@6:10']);
    expect(r.findings[0].message).toMatch(/UTF-8/);
  });

  it('survives a directory symlink loop, reading each file once', async () => {
    const dir = dirWith({ 'app/svc.yaml': GOOD_WITH_FINDING });
    symlinkSync('..', path.join(dir, 'app', 'loop'));
    symlinkSync(path.join(dir, 'app'), path.join(dir, 'app-link'));
    const r = await lint(['.'], { cwd: dir });
    expect(r.stats.files).toBe(1);
    expect(r.findings.filter((f) => f.ruleId === 'dangling-service')).toHaveLength(1);
  });

  it('counts empty and comments-only files as skipped, without findings', async () => {
    const r = await lint(['.'], {
      cwd: dirWith({ 'empty.yaml': '', 'comments.yaml': '# nothing here\n# at all\n---\n# really\n', 'values.yaml': 'replicaCount: 2\nimage: nginx\n' }),
    });
    expect(r.findings).toEqual([]);
    expect(r.stats.files).toBe(3);
    expect(r.stats.skippedFiles).toBe(3);
    expect(r.stats.objects).toBe(0);
  });

  it('reads CRLF line endings and a UTF-8 BOM with exact positions', async () => {
    const crlf = GOOD_WITH_FINDING.replace(/\n/g, '\r\n');
    const bom = '\ufeff' + GOOD_WITH_FINDING;
    const r = await lint(['.'], { cwd: dirWith({ 'crlf.yaml': crlf, 'bom.yaml': bom }) });
    for (const file of ['crlf.yaml', 'bom.yaml']) {
      const f = r.findings.find((x) => x.location.file === file && x.ruleId === 'dangling-service');
      expect(f?.location.range).toMatchObject({ startLine: 7, startColumn: 5, endLine: 7, endColumn: 16 });
    }
    expect(r.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
  });

  it('refuses a named pipe instead of blocking on it', async () => {
    const dir = dirWith({ 'good.yaml': GOOD_WITH_FINDING });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const r = await lint(['pipe.yaml', 'good.yaml', '.'], { cwd: dir });
    expect(r.findings.find((f) => f.location.file === 'pipe.yaml')?.message).toMatch(/Not a regular file/);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });

  it('reads standard input with "-"', async () => {
    const run = await runCli(['-'], { stdin: GOOD_WITH_FINDING });
    expect(run.stdout).toContain('<stdin>');
    expect(run.stdout).toContain('dangling-service');
  });

  it('reports deeply nested input instead of overflowing the stack', async () => {
    const deep = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  a: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const r = await lint(['deep.yaml', 'good.yaml'], { cwd: dirWith({ 'deep.yaml': deep, 'good.yaml': GOOD_WITH_FINDING }) });
    expect(r.findings.some((f) => f.location.file === 'deep.yaml' && f.ruleId === 'yaml-syntax')).toBe(true);
    expect(rulesOf(r, 'good.yaml')).toContain('dangling-service@7');
  });
});
