import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('rbac-pod-exec');

describe('rbac-pod-exec details', () => {
  it('reports fail-exec.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('rbac-pod-exec', 'fail-exec.yaml');
    expect(f.ruleId).toBe('rbac-pod-exec');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(11);
    expect(f.message).toBe(
      "Role/shop/debugger allows exec and attach on pods, so its subjects can run commands in those containers and use their Secrets and ServiceAccount tokens.",
    );
  });
});
