import { describe, expect, it } from 'vitest';
import { describePolarisChecks } from '../helpers/polaris-checks.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('dangerous-capabilities');

describePolarisChecks('dangerous-capabilities', {
  fires: [
    'dangerousCapabilities/failure.yaml',
    'dangerousCapabilities/failure.all.yaml',
    'dangerousCapabilities/failure.all-caps.yaml',
    'dangerousCapabilities/failure.case.yaml',
    'insecureCapabilities/failure.add.yaml',
  ],
  silent: [
    'dangerousCapabilities/success.yaml',
    'dangerousCapabilities/mutated.yaml',
    'insecureCapabilities/success.yaml',
    'insecureCapabilities/success.all.yaml',
    'insecureCapabilities/success.case.yaml',
    'insecureCapabilities/success.drop.yaml',
    'insecureCapabilities/success.pod.yaml',
    'insecureCapabilities/mutated.yaml',
    'insecureCapabilities/mutated.add.yaml',
    'insecureCapabilities/mutated.drop-most.yaml',
  ],
  excluded: {
    // Polaris's insecureCapabilities also fails containers that keep (do not drop) default
    // capabilities such as NET_RAW; drydock's rule is about what a manifest adds. Not dropping ALL
    // is what the restricted level of pod-security reports.
    'insecureCapabilities/failure.yaml': 'nothing added: the default set is only not dropped',
    'insecureCapabilities/failure.drop-most.yaml': 'nothing added: AUDIT_WRITE is not dropped',
    'insecureCapabilities/failure.pod.yaml': 'nothing added: the drop list is at pod level, where the API has no capabilities',
  },
});

describe('dangerous-capabilities details', () => {
  it('points at the capability item and names the container and the capability', async () => {
    const findings = await fixtureFindings('dangerous-capabilities', 'fail-add.yaml');
    const f = findings.find((x) => x.location.range.startLine === 29)!;
    expect(f.location.range.startColumn).toBe(19);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Container "vpn" of Deployment/default/vpn adds capability SYS_ADMIN, which the runtime does not grant by default, so any process in it, an attacker\'s included, holds that kernel privilege; the Pod Security baseline level rejects it.',
    );
  });

  it('says what ALL means', async () => {
    const [f] = await fixtureFindings('dangerous-capabilities', 'fail-all.yaml');
    expect(f.message).toContain('adds ALL capabilities');
  });

  it('suppresses one container with a comment above its name', async () => {
    const findings = await fixtureFindings('dangerous-capabilities', 'fail-suppression.yaml');
    expect(findings.map((f) => f.message.slice(0, 19))).toEqual(['Container "metrics"']);
  });

  it('gives way to pod-security where a Namespace enforces baseline', async () => {
    const yaml = `apiVersion: v1
kind: Namespace
metadata:
  name: locked
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: locked
spec:
  containers:
    - name: c
      image: example/c:1.0
      securityContext:
        capabilities:
          add: ["SYS_ADMIN"]
`;
    const ids = (await lintText(yaml)).findings.filter((f) => f.location.range.startLine === 19).map((f) => f.ruleId);
    expect(ids).toContain('pod-security');
    expect(ids).not.toContain('dangerous-capabilities');
  });
});
