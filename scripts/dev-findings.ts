/**
 * Developer aid: prints the findings of one rule (or all with "*") over some paths.
 *   npx tsx scripts/dev-findings.ts RULE-ID PATH...
 */
import { lint } from '../src/index.js';

const [ruleId, ...paths] = process.argv.slice(2);
if (!ruleId || paths.length === 0) {
  console.error('usage: npx tsx scripts/dev-findings.ts RULE-ID|* PATH...');
  process.exit(2);
}
const result = await lint(paths);
let n = 0;
for (const f of result.findings) {
  if (ruleId !== '*' && f.ruleId !== ruleId) continue;
  n++;
  console.log(`${f.location.file}:${f.location.range.startLine}:${f.location.range.startColumn} ${f.severity} ${f.ruleId} ${f.message}`);
}
console.log(`${n} finding(s); ${result.stats.objects} objects in ${result.stats.files} files`);
if (result.failures.length) console.log('RULE FAILURES:', result.failures);
