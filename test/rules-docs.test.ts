/**
 * Executable docs: every rule has a page in rules-docs/, every page names a rule, and each page's
 * failing example raises its rule while its passing example raises neither it nor any error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../src/index.js';
import { enableRule, ROOT } from './helpers/rule-tester.js';

const DOCS = path.join(ROOT, 'rules-docs');
const pages = readdirSync(DOCS).filter((n) => n.endsWith('.md') && n !== 'README.md' && n === n.toLowerCase());

/** The first ```yaml block after a `## <heading>` line. */
function exampleUnder(text: string, heading: string): string | undefined {
  const start = text.indexOf(`\n## ${heading}`);
  if (start === -1) return undefined;
  const rest = text.slice(start + 1);
  const next = rest.indexOf('\n## ', 1);
  const section = next === -1 ? rest : rest.slice(0, next);
  return /```ya?ml\n([\s\S]*?)```/.exec(section)?.[1];
}

function lintText(text: string, ruleId: string) {
  return lint(['-'], enableRule(ruleId, { cwd: ROOT, stdin: async () => new TextEncoder().encode(text) }));
}

describe('rules-docs', () => {
  it('has a page for every rule', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !pages.includes(`${id}.md`));
    expect(missing).toEqual([]);
  });

  it('has no page without a rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    expect(pages.map((p) => p.replace(/\.md$/, '')).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    const file = path.join(DOCS, `${id}.md`);
    describe(id, () => {
      const text = (() => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      })();
      it('starts with its id and states its default severity', () => {
        expect(text.startsWith(`# ${id}\n`)).toBe(true);
        expect(text).toContain(`| Default severity | ${rule.meta.severity} |`);
      });
      it('failing example raises the rule', async () => {
        const example = exampleUnder(text, 'Failing example');
        expect(example, 'a ```yaml block under "## Failing example"').toBeDefined();
        const result = await lintText(example!, id);
        expect(result.findings.map((f) => f.ruleId)).toContain(id);
      });
      it('passing example raises neither the rule nor any error', async () => {
        const example = exampleUnder(text, 'Passing example');
        expect(example, 'a ```yaml block under "## Passing example"').toBeDefined();
        const result = await lintText(example!, id);
        expect(result.findings.filter((f) => f.ruleId === id || f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      });
    });
  }
});
