import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('host-namespace');

describe('host-namespace details', () => {
  it('reports each shared namespace at its value', async () => {
    const found = await fixtureFindings('host-namespace', 'fail-all-three.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([6, 7, 8]);
    expect(found[0].message).toContain('Pod/default/node-debugger sets hostNetwork: true');
    expect(found[1].message).toContain('sets hostPID: true');
    expect(found[2].message).toContain('sets hostIPC: true');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });
});
