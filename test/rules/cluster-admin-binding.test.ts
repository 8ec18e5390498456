import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('cluster-admin-binding');

describe('cluster-admin-binding details', () => {
  it('reports fail-bindings.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('cluster-admin-binding', 'fail-bindings.yaml');
    expect(f.ruleId).toBe('cluster-admin-binding');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toBe(
      "ClusterRoleBinding/ci-admin grants the cluster-admin ClusterRole to ServiceAccount build/ci, giving full control of the whole cluster, Secrets and RBAC included; bind a role limited to what they need.",
    );
  });
});
