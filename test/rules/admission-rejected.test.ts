import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('admission-rejected');

describe('admission-rejected messages', () => {
  it('gives the Pod Security verdict of the namespace with every failed control', async () => {
    const [f, ...rest] = await fixtureFindings('admission-rejected', 'fail-pod-security.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toBe(
      'Namespace/secure rejects all 2 pods of Deployment/secure/sniffer: violates PodSecurity "baseline:latest": ' +
        'host namespaces (hostNetwork=true), privileged (container "app" must not set securityContext.privileged=true)',
    );
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([
      [7, 'Namespace/secure enforces the "baseline" Pod Security level'],
      [24, 'host namespaces (hostNetwork=true)'],
      [29, 'privileged (container "app" must not set securityContext.privileged=true)'],
    ]);
  });

  it('points at serviceAccountName when the input has other ServiceAccounts', async () => {
    const [f, ...rest] = await fixtureFindings('admission-rejected', 'fail-missing-service-account.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(21);
    expect(f.message).toBe(
      'ServiceAccount admission rejects the pod of Deployment/default/deployer: error looking up service account default/deployer: serviceaccount "deployer" not found',
    );
  });

  it('enforces only the enforce label: warn and audit levels reject nothing', async () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    pod-security.kubernetes.io/warn: baseline
    pod-security.kubernetes.io/audit: restricted
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: apps
spec:
  hostPID: true
  containers:
    - name: web
      image: nginx:1.27
`;
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === 'admission-rejected')).toEqual([]);
    const enforced = await lintText(text.replace('pod-security.kubernetes.io/warn', 'pod-security.kubernetes.io/enforce'));
    expect(enforced.findings.filter((f) => f.ruleId === 'admission-rejected').map((f) => f.message)).toEqual([
      'Namespace/apps rejects Pod/apps/web: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)',
    ]);
  });
});

describe('admission-rejected: the deprecated serviceAccount field (review)', () => {
  it('points at serviceAccount when serviceAccountName is empty and the deprecated field names the account', async () => {
    const text = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
---
apiVersion: v1
kind: Pod
metadata:
  name: runner
spec:
  serviceAccountName: ""
  serviceAccount: deployer
  containers:
    - name: app
      image: nginx:1.27
`;
    const result = await lintText(text);
    expect(result.failures).toEqual([]);
    const findings = result.findings.filter((f) => f.ruleId === 'admission-rejected');
    expect(findings.map((f) => [f.location.range.startLine, f.message])).toEqual([
      [12, 'ServiceAccount admission rejects Pod/default/runner: error looking up service account default/deployer: serviceaccount "deployer" not found'],
    ]);
  });
});
