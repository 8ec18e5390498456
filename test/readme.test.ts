import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTable } from '../scripts/rules-table.js';
import { ROOT } from './helpers/rule-tester.js';

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  it('has the rules table generated from rule metadata (npx tsx scripts/rules-table.ts)', () => {
    expect(withTable(readme)).toBe(readme);
  });
  it('shows the two quick-start commands that .ci/run runs', () => {
    const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm ci && node dist/cli.js examples/');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toContain('node dist/cli.js examples/');
    expect(ci).toContain('npm test');
  });
});
