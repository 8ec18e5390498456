import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-ephemeral-storage-limit');

describe('missing-ephemeral-storage-limit details', () => {
  it('reports fail-unlimited.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('missing-ephemeral-storage-limit', 'fail-unlimited.yaml');
    expect(f.ruleId).toBe('missing-ephemeral-storage-limit');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toBe(
      "Init container \"setup\" of Pod/default/app has no ephemeral-storage limit, so its logs, emptyDir volumes and writable layer can fill the node's disk and get other pods evicted.",
    );
  });
});
