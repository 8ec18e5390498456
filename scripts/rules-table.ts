/**
 * Regenerates the rules table in README.md (between the rules-table markers) from rule metadata:
 *   npx tsx scripts/rules-table.ts          # rewrite README.md
 *   npx tsx scripts/rules-table.ts --check  # exit 1 when README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/rules/index.js';

export function rulesTable(): string {
  const rows = RULES.map((r) => `| [\`${r.meta.id}\`](rules-docs/${r.meta.id}.md) | ${r.meta.defaultOff ? `off (${r.meta.severity} when on)` : r.meta.severity} | ${r.meta.category} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | category | reports |', '|---|---|---|---|', ...rows].join('\n');
}

const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

export function withTable(readme: string): string {
  const s = readme.indexOf(START);
  const e = readme.indexOf(END);
  if (s === -1 || e === -1) throw new Error('README.md has no rules-table markers');
  return readme.slice(0, s + START.length) + '\n' + rulesTable() + '\n' + readme.slice(e);
}

if (process.argv[1]?.endsWith('rules-table.ts')) {
  const readme = readFileSync('README.md', 'utf8');
  const next = withTable(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md rules table is out of date: run npx tsx scripts/rules-table.ts');
      process.exit(1);
    }
  } else writeFileSync('README.md', next);
}
