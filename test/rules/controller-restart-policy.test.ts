import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('controller-restart-policy');

describe('controller-restart-policy details', () => {
  it('reports fail-never.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('controller-restart-policy', 'fail-never.yaml');
    expect(f.ruleId).toBe('controller-restart-policy');
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(14);
    expect(f.message).toBe(
      "Deployment/default/worker sets restartPolicy \"Never\" in its pod template, but a Deployment accepts only Always, so the API server rejects it; use a Job for pods that should run to completion.",
    );
  });
});
