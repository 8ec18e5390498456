/**
 * rules-docs/PARITY.md stays true: its counts are those of its own check tables, every rule it
 * links exists and has a docs page, and its check lists are exactly the peers' built-in checks as
 * docs/peers.md (in ../shared, beside the checkout) lists them in sections 2.1-2.3.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { ROOT } from './helpers/rule-tester.js';

const PARITY = path.join(ROOT, 'rules-docs', 'PARITY.md');
const PEERS = path.resolve(ROOT, '../shared/docs/peers.md');

const TOOLS = ['kube-linter', 'kube-score', 'Polaris'] as const;
type Tool = (typeof TOOLS)[number];
const STATUSES = ['covered', 'partial', 'not applicable', 'missing'] as const;
type Status = (typeof STATUSES)[number];

interface CheckRow {
  check: string;
  status: string;
  /** Rule ids linked in the "drydock rule" column. */
  rules: string[];
  line: string;
}

interface Counts {
  checks: number;
  notApplicable: number;
  applicable: number;
  covered: number;
  partial: number;
  missing: number;
}

const text = readFileSync(PARITY, 'utf8');

/** The body of a `## heading` section, up to the next `## ` heading. */
function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`PARITY.md has no "## ${heading}" section`);
  const rest = doc.slice(start + 1);
  const next = rest.indexOf('\n## ', 1);
  return next === -1 ? rest : rest.slice(0, next);
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

const LINK = /\[`([^`]+)`\]\(([^)]+)\)/g;

function checkRows(tool: Tool): CheckRow[] {
  return section(text, tool)
    .split('\n')
    .filter((l) => /^\|\s*`/.test(l))
    .map((line) => {
      const [check, status, rules] = cells(line);
      return {
        check: check.replace(/^`|`$/g, ''),
        status: status.replace(/\*\*/g, ''),
        rules: [...rules.matchAll(LINK)].map((m) => m[1]),
        line,
      };
    });
}

function countsOf(rows: readonly CheckRow[]): Counts {
  const n = (s: Status): number => rows.filter((r) => r.status === s).length;
  const notApplicable = n('not applicable');
  return {
    checks: rows.length,
    notApplicable,
    applicable: rows.length - notApplicable,
    covered: n('covered'),
    partial: n('partial'),
    missing: n('missing'),
  };
}

/** The summary table row of a tool (or "all"): counts and the bold "x / y" coverage. */
function summaryRow(name: string): { counts: Counts; coverage: [number, number] } {
  const line = text.split('\n').find((l) => cells(l)[0] === name && /^\|/.test(l));
  if (!line) throw new Error(`PARITY.md summary table has no "${name}" row`);
  const c = cells(line);
  const [checks, notApplicable, applicable, covered, partial, missing] = c.slice(1, 7).map(Number);
  const cov = /^\*\*(\d+) \/ (\d+)\*\*$/.exec(c[7]);
  if (!cov) throw new Error(`coverage cell of "${name}" is not **x / y**: ${c[7]}`);
  return { counts: { checks, notApplicable, applicable, covered, partial, missing }, coverage: [Number(cov[1]), Number(cov[2])] };
}

function sum(list: readonly Counts[]): Counts {
  const total: Counts = { checks: 0, notApplicable: 0, applicable: 0, covered: 0, partial: 0, missing: 0 };
  for (const c of list) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  return total;
}

/** The check names one tool's section of peers.md lists (2.1 kube-linter, 2.2 kube-score, 2.3 Polaris). */
function peerChecks(peers: string, tool: Tool): string[] {
  const number = { 'kube-linter': '2.1', 'kube-score': '2.2', Polaris: '2.3' }[tool];
  const start = peers.search(new RegExp(`^### ${number.replace('.', '\\.')} `, 'm'));
  if (start === -1) throw new Error(`peers.md has no "### ${number}" section`);
  const rest = peers.slice(start);
  const end = rest.indexOf('\n### ', 1);
  const body = end === -1 ? rest : rest.slice(0, end);
  if (tool !== 'Polaris') {
    // "Checks (63)." then a numbered list: "1. `name` [template] — meaning — default".
    const declared = /^Checks \((\d+)\)/m.exec(body);
    if (!declared) throw new Error(`peers.md ${number} does not say "Checks (N)"`);
    const names = [...body.matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => m[1]);
    expect(names.length, `peers.md ${number} declares ${declared[1]} checks`).toBe(Number(declared[1]));
    return names;
  }
  // Polaris: groups "Reliability (13):", "Efficiency (4): `a`, `b`… — all warning.", "Security (27):",
  // each a paragraph of lines "- `id` — severity — meaning", "- `a`, `b` — …" or
  // "- `a` — danger; `b` — danger": the ids are the backticked words before each " — ".
  const total = /All (\d+) checks/.exec(body);
  if (!total) throw new Error('peers.md 2.3 does not say "All N checks"');
  const names: string[] = [];
  for (const group of body.matchAll(/^([A-Z][a-z]+) \((\d+)\):/gm)) {
    const block = body.slice(group.index! + group[0].length).split(/\n\s*\n/)[0];
    const ids = block
      .split('\n')
      .flatMap((line) => line.replace(/^\s*-\s*/, '').split('; '))
      .flatMap((clause) => [...clause.split(' — ')[0].matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((m) => m[1]));
    expect(ids.length, `peers.md 2.3 "${group[1]}" declares ${group[2]} checks: ${ids.join(', ')}`).toBe(Number(group[2]));
    names.push(...ids);
  }
  expect(names.length, 'peers.md 2.3 check total').toBe(Number(total[1]));
  return names;
}

describe('rules-docs/PARITY.md', () => {
  const rows = Object.fromEntries(TOOLS.map((t) => [t, checkRows(t)])) as Record<Tool, CheckRow[]>;

  it('has a check table per tool, each check once', () => {
    for (const tool of TOOLS) {
      expect(rows[tool].length, tool).toBeGreaterThan(0);
      const names = rows[tool].map((r) => r.check);
      expect(names.filter((n, i) => names.indexOf(n) !== i), `${tool} duplicates`).toEqual([]);
    }
  });

  it('gives every check a known status, and misses none', () => {
    for (const tool of TOOLS) {
      for (const row of rows[tool]) {
        expect(STATUSES as readonly string[], `${tool} ${row.check}: "${row.status}"`).toContain(row.status);
        // Covered and partial checks name the rule; the others name none.
        if (row.status === 'covered' || row.status === 'partial') expect(row.rules.length, row.line).toBeGreaterThan(0);
        else expect(row.rules, row.line).toEqual([]);
      }
      expect(rows[tool].filter((r) => r.status === 'missing').map((r) => r.check), `${tool} missing checks`).toEqual([]);
    }
  });

  it('has summary table counts equal to those of the check tables', () => {
    const computed = TOOLS.map((t) => countsOf(rows[t]));
    TOOLS.forEach((tool, i) => {
      const { counts, coverage } = summaryRow(tool);
      expect(counts, tool).toEqual(computed[i]);
      expect(coverage, `${tool} coverage`).toEqual([computed[i].covered + computed[i].partial, computed[i].applicable]);
    });
    const all = sum(computed);
    const { counts, coverage } = summaryRow('all');
    expect(counts, 'all').toEqual(all);
    expect(coverage, 'all coverage').toEqual([all.covered + all.partial, all.applicable]);
  });

  it('has a bold top line and intro equal to the check tables', () => {
    const all = sum(TOOLS.map((t) => countsOf(rows[t])));
    const top = /\*\*Coverage: (\d+) \/ (\d+) applicable checks\*\* \((\d+) fully, (\d+) partially; (\d+) missing; (\d+) of\s+the (\d+) peer checks are not applicable/.exec(text);
    expect(top, 'the bold "Coverage: x / y applicable checks" line').not.toBeNull();
    expect(top!.slice(1).map(Number)).toEqual([
      all.covered + all.partial,
      all.applicable,
      all.covered,
      all.partial,
      all.missing,
      all.notApplicable,
      all.checks,
    ]);
    const intro = /\(kube-linter\s+(\d+), kube-score\s+(\d+), Polaris\s+(\d+)\)/.exec(text);
    expect(intro, 'the "(kube-linter N, kube-score N, Polaris N)" intro').not.toBeNull();
    expect(intro!.slice(1).map(Number)).toEqual(TOOLS.map((t) => rows[t].length));
  });

  it('links only rules of the registry that have a rules-docs page', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const links = [...text.matchAll(LINK)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, id, href] of links) {
      expect(href, `link of ${id}`).toBe(`${id}.md`);
      expect(ids.has(id), `${id} is not in src/rules/index.ts`).toBe(true);
      expect(existsSync(path.join(ROOT, 'rules-docs', `${id}.md`)), `rules-docs/${id}.md`).toBe(true);
    }
  });

  it('lists exactly the checks of docs/peers.md sections 2.1-2.3', () => {
    expect(existsSync(PEERS), `${PEERS} is missing: the shared docs must sit beside the checkout (../shared/docs/peers.md)`).toBe(true);
    const peers = readFileSync(PEERS, 'utf8');
    for (const tool of TOOLS) {
      const expected = peerChecks(peers, tool).sort();
      const actual = rows[tool].map((r) => r.check).sort();
      expect(actual, `${tool}: PARITY.md checks vs peers.md`).toEqual(expected);
    }
  });
});
