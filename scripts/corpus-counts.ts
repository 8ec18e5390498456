/**
 * Developer aid: findings per rule over each repository folder of the corpus, every rule on
 * (off-by-default ones included), for the judgement notes of rule issues.
 *   npx tsx scripts/corpus-counts.ts [CORPUS_DIR] [--no-sim] [--show RULE-ID]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lint, RULES } from '../src/index.js';
import type { Level } from '../src/config/config.js';

const args = process.argv.slice(2);
const noSim = args.includes('--no-sim');
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const corpus = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--show') ?? '../shared/corpus');
const levels: Record<string, Level> = {};
for (const r of RULES) levels[r.meta.id] = noSim && r.meta.simulation ? 'off' : r.meta.severity;
const totals = new Map<string, number>();
const failures: string[] = [];
for (const dir of readdirSync(corpus).sort()) {
  const full = path.join(corpus, dir);
  if (!statSync(full).isDirectory()) continue;
  const result = await lint([full], { ruleLevels: levels, cwd: corpus });
  for (const f of result.findings) {
    totals.set(f.ruleId, (totals.get(f.ruleId) ?? 0) + 1);
    if (f.ruleId === show) console.log(`${f.location.file}:${f.location.range.startLine} ${f.severity} ${f.message}`);
  }
  for (const fail of result.failures) failures.push(`${dir}: ${fail.ruleId}: ${String(fail.error)}`);
}
for (const r of RULES) console.log(`${r.meta.id}\t${totals.get(r.meta.id) ?? 0}`);
if (failures.length) {
  console.log('RULE FAILURES:');
  for (const f of failures) console.log(f);
  process.exitCode = 1;
}
