import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('writable-root-fs');

describe('writable-root-fs details', () => {
  it('points at an explicit false', async () => {
    const [f] = await fixtureFindings('writable-root-fs', 'fail-false.yaml');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toContain('Container "nginx" of Pod/default/nginx sets readOnlyRootFilesystem: false');
  });

  it('points at the container name when the field is missing', async () => {
    const found = await fixtureFindings('writable-root-fs', 'fail-unset.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([16, 19]);
    expect(found[0].message).toContain('Init container "init" of StatefulSet/default/db does not set readOnlyRootFilesystem: true');
    expect(found[0].severity).toBe('warning');
  });
});
