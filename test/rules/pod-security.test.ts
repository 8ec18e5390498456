import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('pod-security');

const findingsOf = (fixture: string, options = {}) => fixtureFindings('pod-security', fixture, options);
const at = (findings: Awaited<ReturnType<typeof findingsOf>>, line: number) => findings.filter((f) => f.location.range.startLine === line);

describe('pod-security messages', () => {
  it('says a workload is accepted but its pods are rejected, in the admission wording', async () => {
    const findings = await findingsOf('fail-restricted-deployment.yaml');
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.message)).toContain(
      'Deployment/apps/web is accepted but its pods would be rejected at creation (its ReplicaSet reports FailedCreate) by the restricted control "Privilege Escalation" that Namespace/apps enforces: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false).',
    );
    const reasons = findings.map((f) => /: violates PodSecurity "restricted:latest": ([^(]+) \(/.exec(f.message)?.[1]).sort();
    expect(reasons).toEqual(['allowPrivilegeEscalation != false', 'runAsNonRoot != true', 'seccompProfile', 'unrestricted capabilities']);
  });

  it('says a bare Pod is rejected at apply, and names a baseline control and its level', async () => {
    const findings = await findingsOf('fail-baseline-pod.yaml');
    const [hostNetwork] = at(findings, 16);
    expect(hostNetwork.message).toBe(
      'Pod/edge/agent would be rejected at apply by the baseline control "Host Namespaces" that Namespace/edge enforces: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true).',
    );
    expect(at(findings, 32)[0].message).toContain('non-default capabilities (container "agent" must not include "SYS_ADMIN" in securityContext.capabilities.add)');
    expect(at(findings, 35)[0].message).toContain('hostPath volumes (volume "root")');
  });

  it('relates each finding to the enforce label, and to the version label when it pins one', async () => {
    const [f] = at(await findingsOf('fail-baseline-pod.yaml'), 16);
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[7, 'Namespace/edge enforces the "baseline" Pod Security level']]);
    const [g] = await findingsOf('fail-pinned-version.yaml');
    expect(g.related.map((r) => [r.range.startLine, r.note])).toEqual([
      [7, 'Namespace/pinned enforces the "baseline" Pod Security level'],
      [8, 'the pinned policy version'],
    ]);
  });

  it('names CronJob pods and restricted controls on explicit settings', async () => {
    const findings = await findingsOf('fail-restricted-details.yaml');
    expect(at(findings, 23)[0].message).toMatch(
      /^CronJob\/secure\/report is accepted but the pods of its Jobs would be rejected at creation \(each Job reports FailedCreate\) by the restricted control "Running as Non-root user" .*runAsUser=0 \(pod must not set runAsUser=0\)\.$/,
    );
    expect(at(findings, 29)[0].message).toContain('allowPrivilegeEscalation != false (container "fetch" must set securityContext.allowPrivilegeEscalation=false)');
    expect(at(findings, 38)[0].message).toContain('seccompProfile (container "report" must not set securityContext.seccompProfile.type to "Unconfined")');
    expect(at(findings, 40)[0].message).toContain('unrestricted capabilities (container "report" must set securityContext.capabilities.drop=["ALL"])');
    expect(at(findings, 47)[0].message).toContain('restricted volume types (volume "share" uses restricted volume type "nfs")');
  });

  it('reads an invalid level as restricted and an invalid version as latest, and says so', async () => {
    const [f] = await findingsOf('fail-invalid-level.yaml');
    expect(f.message).toContain('(the label value "Baseline" is not a level, so admission enforces restricted): violates PodSecurity "restricted:latest"');
  });

  it('honours a pinned version: v1.30 checks SELinux types of 1.30 and no probe hosts', async () => {
    const [f] = await findingsOf('fail-pinned-version.yaml');
    expect(f.message).toContain('violates PodSecurity "baseline:v1.30": seLinuxOptions (container "db" set forbidden securityContext.seLinuxOptions: type "container_engine_t")');
  });

  it('evaluates latest as the target Kubernetes version', async () => {
    const yaml = `apiVersion: v1
kind: Namespace
metadata:
  name: probes
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: probes
spec:
  containers:
    - name: c
      image: example/c:1.0
      readinessProbe:
        httpGet:
          host: 10.0.0.1
          port: 80
`;
    const ids = async (kubernetesVersion: string) =>
      (await lintText(yaml, { kubernetesVersion })).findings.filter((f) => f.ruleId === 'pod-security').map((f) => f.location.range.startLine);
    expect(await ids('1.34')).toEqual([19]);
    expect(await ids('1.33')).toEqual([]);
    // Pod Security Admission is not on before 1.23: the labels do nothing.
    expect(await ids('1.22')).toEqual([]);
  });

  it('lets a comment above a container suppress the findings inside that container only', async () => {
    const findings = await findingsOf('fail-suppression.yaml');
    expect(findings.map((f) => f.location.range.startLine)).toEqual([34]);
    expect(findings[0].message).toContain('container "trace"');
  });
});
