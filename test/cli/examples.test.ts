import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('bundled examples', () => {
  it('show findings of at least 10 different rules and exit 1', async () => {
    const run = await runCli(['--format', 'json', 'examples/']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[]; stats: { skippedFiles: number } };
    const rules = new Set(report.findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(10);
    expect(report.stats.skippedFiles).toBe(1);
  });
});
