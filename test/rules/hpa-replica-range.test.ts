import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('hpa-replica-range');

describe('hpa-replica-range details', () => {
  it('reports fail-ranges.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('hpa-replica-range', 'fail-ranges.yaml');
    expect(f.ruleId).toBe('hpa-replica-range');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(11);
    expect(f.message).toBe(
      "HorizontalPodAutoscaler/default/fixed sets maxReplicas equal to minReplicas (3), so it can never change the replica count and autoscales nothing.",
    );
  });
});
