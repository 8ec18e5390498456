/**
 * drydock over the real-world corpus in ../shared/corpus (manifests written by others): no crash,
 * no exit 2, and yaml-syntax errors only on the files the corpus README lists as broken.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/rule-tester.js';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus test: ${CORPUS} is absent, so the corpus checks are skipped`);

/** Files the corpus README lists under "Edge cases a parser must survive" as rejected by a YAML parser. */
function brokenFiles(): Set<string> {
  const readme = readFileSync(path.join(CORPUS, 'README.md'), 'utf8');
  const files = new Set<string>();
  for (const m of readme.matchAll(/^- `([^`]+)`: not accepted by PyYAML/gm)) files.add(m[1]);
  return files;
}

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file: string;
}

describe.runIf(present)('corpus', () => {
  const folders = present ? readdirSync(CORPUS).filter((n) => !n.includes('.')).sort() : [];
  const broken = present ? brokenFiles() : new Set<string>();

  it('lists the broken files it expects', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
    expect(broken.size).toBeGreaterThan(3);
  });

  for (const folder of folders) {
    it(`lints ${folder} without crashing, with yaml-syntax errors only on known-broken files`, async () => {
      const run = await runCli(['--format', 'json', '--fail-on', 'never', folder], { cwd: CORPUS });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; stats: { objects: number } };
      expect(report.stats.objects).toBeGreaterThan(0);
      const syntaxErrors = report.findings.filter((f) => f.rule === 'yaml-syntax' && f.severity === 'error');
      const unexpected = syntaxErrors.filter((f) => !broken.has(f.file)).map((f) => `${f.file}: ${f.message}`);
      expect(unexpected).toEqual([]);
      // Other yaml-syntax findings may only be duplicate keys (warnings: kubectl keeps the last value).
      const others = report.findings.filter((f) => f.rule === 'yaml-syntax' && f.severity !== 'error');
      for (const f of others) expect(f.message).toMatch(/^Duplicate key/);
    });
  }
});
