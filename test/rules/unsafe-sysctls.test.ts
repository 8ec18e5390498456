import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('unsafe-sysctls');

describe('unsafe-sysctls details', () => {
  it('reports fail-sysctls.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('unsafe-sysctls', 'fail-sysctls.yaml');
    expect(f.ruleId).toBe('unsafe-sysctls');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(20);
    expect(f.message).toBe(
      "Deployment/default/db sets the unsafe sysctl \"net.core.somaxconn\", so its pods are rejected with SysctlForbidden on every node whose kubelet does not allow it, and where allowed it can affect other pods on the node.",
    );
  });
});
