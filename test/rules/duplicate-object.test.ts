import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, FIXTURES, lintPaths, ROOT } from '../helpers/rule-tester.js';

describeRuleFixtures('duplicate-object');

describe('duplicate-object details', () => {
  it('points at the later definition and relates the first one', async () => {
    const file = path.relative(ROOT, path.join(FIXTURES, 'duplicate-object', 'fail-same-file.yaml'));
    const { findings } = await lintPaths([file]);
    const dups = findings.filter((f) => f.ruleId === 'duplicate-object');
    expect(dups.map((f) => f.location.range.startLine)).toEqual([11, 18]);
    for (const f of dups) {
      expect(f.severity).toBe('error');
      expect(f.message).toContain('ConfigMap/default/settings');
      expect(f.message).toContain('line 4');
      expect(f.related).toHaveLength(1);
      expect(f.related[0].range.startLine).toBe(4);
      expect(f.related[0].note).toBe('first defined here');
    }
  });

  it('names the other file when the first definition is elsewhere', async () => {
    const dir = path.relative(ROOT, path.join(FIXTURES, 'duplicate-object', 'fail-across-files'));
    const { findings } = await lintPaths([dir]);
    const [dup] = findings.filter((f) => f.ruleId === 'duplicate-object');
    expect(dup.location.file).toMatch(/b-copy\.yaml$/);
    expect(dup.message).toMatch(/a-base\.yaml:4/);
    expect(dup.related[0].file).toMatch(/a-base\.yaml$/);
  });
});
