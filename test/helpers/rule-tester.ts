/**
 * The rule tester: every rule has fixtures in test/fixtures/rules/<id>/ named `fail*` and `pass*`
 * (a file, or a folder of files linted together for cross-object cases). A failing fixture marks
 * each line that must be reported with a trailing `# expect: <rule-id>` comment (or a comment line
 * `# expect-below: <rule-id>` for the line after it). The tester asserts that the rule reports
 * exactly those lines, and nothing on passing fixtures.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint, RULES, type Finding, type LintOptions, type LintResult } from '../../src/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

/** Lints paths relative to the repository root (so finding paths are stable). */
export function lintPaths(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  return lint(paths, { cwd: ROOT, ...options });
}

/** Lints YAML text given as standard input ("-"). */
export function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  return lint(['-'], { cwd: ROOT, stdin: async () => new TextEncoder().encode(text), ...options });
}

/** The findings of one rule on one of its fixtures; fails the test if any rule crashed. */
export async function fixtureFindings(ruleId: string, fixture: string, options: LintOptions = {}): Promise<Finding[]> {
  const result = await lintPaths([`test/fixtures/rules/${ruleId}/${fixture}`], enableRule(ruleId, options));
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** `file:line` of every `# expect: id` marker for this rule in the given files. */
export function expectedMarkers(files: readonly string[], ruleId: string): string[] {
  const out: string[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /#\s*expect(-below)?:\s*([a-z0-9, -]+)/.exec(line);
        if (!m) return;
        const ids = m[2].split(/[\s,]+/).filter(Boolean);
        for (const id of ids) if (id === ruleId) out.push(`${rel}:${m[1] ? i + 2 : i + 1}`);
      });
  }
  return out.sort();
}

function filesOf(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((n) => filesOf(path.join(p, n)));
}

export function fixtureCases(ruleId: string): { name: string; path: string; passing: boolean }[] {
  const dir = path.join(FIXTURES, ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.startsWith('fail') || n.startsWith('pass'))
    .sort()
    .map((n) => ({ name: n, path: path.join(dir, n), passing: n.startsWith('pass') }));
}

/**
 * Options that test one rule: an off-by-default rule is turned on at its default level (others stay
 * as they are), and for a rule that does not report the simulation, the simulation is off unless
 * the caller sets `simulate` — so a simulation finding that supersedes the rule at the same place
 * (config-error over dangling-config-ref…) does not hide what the rule itself reports.
 */
export function enableRule(ruleId: string, options: LintOptions = {}): LintOptions {
  const meta = RULES.find((r) => r.meta.id === ruleId)?.meta;
  const out: LintOptions = meta?.simulation || options.simulate !== undefined ? options : { ...options, simulate: false };
  if (!meta?.defaultOff || options.ruleLevels?.[ruleId] !== undefined) return out;
  return { ...out, ruleLevels: { ...out.ruleLevels, [ruleId]: meta.severity } };
}

/** Registers the fixture tests of one rule. */
export function describeRuleFixtures(ruleId: string, rawOptions: LintOptions = {}): void {
  const options = enableRule(ruleId, rawOptions);
  describe(`${ruleId} fixtures`, () => {
    const cases = fixtureCases(ruleId);
    it('has at least one failing and one passing fixture', () => {
      expect(cases.some((c) => !c.passing)).toBe(true);
      expect(cases.some((c) => c.passing)).toBe(true);
    });
    for (const c of cases) {
      it(`${c.passing ? 'stays silent on' : 'reports'} ${c.name}`, async () => {
        const rel = path.relative(ROOT, c.path);
        const result = await lintPaths([rel], options);
        const actual = result.findings
          .filter((f) => f.ruleId === ruleId)
          .map((f) => `${f.location.file}:${f.location.range.startLine}`)
          .sort();
        if (c.passing) {
          expect(actual).toEqual([]);
        } else {
          const expected = expectedMarkers(filesOf(c.path), ruleId);
          expect(expected.length).toBeGreaterThan(0);
          expect(actual).toEqual(expected);
        }
      });
    }
  });
}
