import { describe, expect, it } from 'vitest';
import { describePolarisChecks } from '../helpers/polaris-checks.js';
import { describeRuleFixtures, fixtureFindings, lintPaths } from '../helpers/rule-tester.js';

describeRuleFixtures('automount-token');

describePolarisChecks('automount-token', {
  fires: [
    'automountServiceAccountToken/failure.all_true.yaml',
    'automountServiceAccountToken/failure.pod_true_serviceaccount_false.yaml',
    'automountServiceAccountToken/failure.uses_defaults.yaml',
  ],
  silent: [
    'automountServiceAccountToken/success.no_serviceaccount.yaml',
    'automountServiceAccountToken/success.pod.yaml',
    'automountServiceAccountToken/success.pod_and_serviceaccount.yaml',
    'automountServiceAccountToken/success.pod_false_serviceaccount_true.yaml',
    'automountServiceAccountToken/success.serviceaccount.yaml',
  ],
});

describe('automount-token details', () => {
  it('is off unless turned on', async () => {
    const result = await lintPaths(['test/fixtures/rules/automount-token/fail-defaults.yaml']);
    expect(result.findings.filter((f) => f.ruleId === 'automount-token')).toEqual([]);
  });

  it('points at the spec when no ServiceAccount is named, and says the default account mounts it', async () => {
    const findings = await fixtureFindings('automount-token', 'fail-defaults.yaml');
    const f = findings.find((x) => x.location.range.startLine === 14)!;
    expect(f.location.range.startColumn).toBe(5);
    expect(f.message).toBe(
      "Deployment/default/web gets an API token for ServiceAccount/default/default mounted into every container (the pod does not set automountServiceAccountToken: false, and a namespace's default ServiceAccount mounts it unless changed), which an attacker who compromises a container can use to call the Kubernetes API; set it to false unless the pod needs the API.",
    );
    expect(f.related).toEqual([]);
  });

  it('points at serviceAccountName and relates the ServiceAccount when it is in the input', async () => {
    const findings = await fixtureFindings('automount-token', 'fail-defaults.yaml');
    const f = findings.find((x) => x.location.range.startLine === 31)!;
    expect(f.message).toContain('neither the pod nor the ServiceAccount sets automountServiceAccountToken: false');
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[22, 'the ServiceAccount, which does not set automountServiceAccountToken: false']]);
  });

  it('points at a pod-level true, which overrides the ServiceAccount', async () => {
    const findings = await fixtureFindings('automount-token', 'fail-pod-true.yaml');
    const f = findings.find((x) => x.location.range.startLine === 14)!;
    expect(f.location.range.startColumn).toBe(33);
    expect(f.message).toContain('Pod/default/loud sets automountServiceAccountToken: true, so every container gets an API token for ServiceAccount/default/quiet');
  });

  it('says when the named ServiceAccount is not in the input', async () => {
    const findings = await fixtureFindings('automount-token', 'fail-pod-true.yaml');
    expect(findings.find((x) => x.location.range.startLine === 24)!.message).toContain('and the ServiceAccount is not in the input');
  });
});
