import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/index.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('deprecated-api');

const ID = 'deprecated-api';

/** A minimal object of the given GVK; `apiVersion` is on line 1. */
function object(apiVersion: string, kind: string, name = 'x'): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;
}

async function findings(text: string, kubernetesVersion?: string): Promise<Finding[]> {
  const result = await lintText(text, kubernetesVersion ? { kubernetesVersion } : {});
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

/** `severity line:column message` of the rule's only finding, or 'none'. */
async function verdict(apiVersion: string, kind: string, kubernetesVersion: string): Promise<string> {
  const found = await findings(object(apiVersion, kind), kubernetesVersion);
  expect(found.length).toBeLessThanOrEqual(1);
  if (found.length === 0) return 'none';
  const f = found[0];
  return `${f.severity} ${f.location.range.startLine}:${f.location.range.startColumn} ${f.message}`;
}

describe('deprecated-api messages', () => {
  it('reports a removed Ingress as an error at the apiVersion value, naming the replacement and its changes', async () => {
    expect(await verdict('extensions/v1beta1', 'Ingress', '1.22')).toBe(
      'error 1:13 extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 Ingress (note: pathType is required, backend fields renamed).',
    );
  });

  it('warns about a deprecated PodDisruptionBudget before its removal', async () => {
    expect(await verdict('policy/v1beta1', 'PodDisruptionBudget', '1.24')).toMatch(
      /^warning 1:13 policy\/v1beta1 PodDisruptionBudget is deprecated since 1\.21 and removed in 1\.25; use policy\/v1 PodDisruptionBudget/,
    );
  });

  it('says PodSecurityPolicy has no replacement API', async () => {
    const v = await verdict('policy/v1beta1', 'PodSecurityPolicy', '1.36');
    expect(v).toMatch(/^error 1:13 policy\/v1beta1 PodSecurityPolicy was removed in Kubernetes 1\.25; there is no replacement API/);
    expect(v).toContain('Pod Security Admission');
  });

  it('reports a GVK that the target version does not have yet, with the older one to use', async () => {
    expect(await verdict('networking.k8s.io/v1', 'Ingress', '1.18')).toBe(
      'error 1:13 networking.k8s.io/v1 Ingress does not exist in Kubernetes 1.18 (introduced in 1.19); use networking.k8s.io/v1beta1 Ingress for that version.',
    );
    expect(await verdict('admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy', '1.35')).toBe(
      'error 1:13 admissionregistration.k8s.io/v1 MutatingAdmissionPolicy does not exist in Kubernetes 1.35 (introduced in 1.36).',
    );
  });

  it('suggests the replacement that exists in the target version', async () => {
    // In 1.22 autoscaling/v2 does not exist yet; v2beta2 is the way forward.
    expect(await verdict('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22')).toContain('use autoscaling/v2beta2 HorizontalPodAutoscaler');
    expect(await verdict('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.36')).toContain('use autoscaling/v2 HorizontalPodAutoscaler');
    expect(await verdict('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.36')).toContain(
      'use flowcontrol.apiserver.k8s.io/v1 FlowSchema',
    );
  });

  it('warns on v1 Endpoints from 1.33, without a removal', async () => {
    expect(await verdict('v1', 'Endpoints', '1.32')).toBe('none');
    expect(await verdict('v1', 'Endpoints', '1.33')).toBe(
      'warning 1:13 v1 Endpoints is deprecated since 1.33 (no removal scheduled); use discovery.k8s.io/v1 EndpointSlice.',
    );
  });

  it('locates a quoted apiVersion and a List item at their own values', async () => {
    const quoted = await findings(`kind: CronJob\nmetadata:\n  name: c\napiVersion: "batch/v1beta1"\n`);
    expect(quoted.map((f) => `${f.location.range.startLine}:${f.location.range.startColumn}`)).toEqual(['4:13']);
    const list = await fixtureFindings(ID, 'fail-list-items.yaml');
    expect(list.map((f) => f.location.range.startLine)).toEqual([11, 25]);
    expect(list.every((f) => f.severity === 'error')).toBe(true);
  });

  it('uses error severity for removals in the fixtures and warning for deprecations', async () => {
    const removed = await fixtureFindings(ID, 'fail-removed-in-1.25.yaml');
    expect(removed.map((f) => f.severity)).toEqual(removed.map(() => 'error'));
    const deprecated = await fixtureFindings(ID, 'fail-deprecated-endpoints.yaml');
    expect(deprecated.map((f) => f.severity)).toEqual(['warning']);
  });
});

/**
 * For every removal release: a target just before the removal warns (deprecated), a target at the
 * removal is an error, and the replacement is clean in both.
 */
const REMOVALS: [removed: string, before: string, oldApi: string, kind: string, newApi: string][] = [
  ['1.16', '1.16', 'extensions/v1beta1', 'Deployment', 'apps/v1'],
  ['1.16', '1.16', 'apps/v1beta1', 'StatefulSet', 'apps/v1'],
  ['1.16', '1.16', 'apps/v1beta2', 'DaemonSet', 'apps/v1'],
  ['1.16', '1.16', 'extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1'],
  ['1.22', '1.21', 'extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
  ['1.22', '1.21', 'networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
  ['1.22', '1.21', 'networking.k8s.io/v1beta1', 'IngressClass', 'networking.k8s.io/v1'],
  ['1.22', '1.21', 'rbac.authorization.k8s.io/v1beta1', 'RoleBinding', 'rbac.authorization.k8s.io/v1'],
  ['1.22', '1.21', 'apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
  ['1.22', '1.21', 'admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
  ['1.22', '1.21', 'scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1'],
  ['1.22', '1.21', 'storage.k8s.io/v1beta1', 'CSIDriver', 'storage.k8s.io/v1'],
  ['1.22', '1.21', 'certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 'certificates.k8s.io/v1'],
  ['1.22', '1.21', 'coordination.k8s.io/v1beta1', 'Lease', 'coordination.k8s.io/v1'],
  ['1.22', '1.21', 'apiregistration.k8s.io/v1beta1', 'APIService', 'apiregistration.k8s.io/v1'],
  ['1.25', '1.24', 'batch/v1beta1', 'CronJob', 'batch/v1'],
  ['1.25', '1.24', 'policy/v1beta1', 'PodDisruptionBudget', 'policy/v1'],
  ['1.25', '1.24', 'autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['1.25', '1.24', 'discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1'],
  ['1.25', '1.24', 'events.k8s.io/v1beta1', 'Event', 'events.k8s.io/v1'],
  ['1.25', '1.24', 'node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1'],
  ['1.26', '1.24', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['1.26', '1.25', 'flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta3'],
  ['1.27', '1.26', 'storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'storage.k8s.io/v1'],
  ['1.29', '1.28', 'flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
  ['1.32', '1.31', 'flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
];

describe('deprecated-api around each removal release', () => {
  for (const [removed, before, oldApi, kind, newApi] of REMOVALS) {
    it(`${oldApi} ${kind}: ${before === removed ? 'removed' : 'warning'} in ${before}, error in ${removed}`, async () => {
      const atRemoval = await verdict(oldApi, kind, removed);
      expect(atRemoval).toMatch(new RegExp(`^error 1:13 ${oldApi} ${kind} was removed in Kubernetes ${removed.replace('.', '\\.')}; use `));
      // 1.16 is the oldest supported target: nothing before it to compare with.
      if (before !== removed) {
        const justBefore = await verdict(oldApi, kind, before);
        expect(justBefore).toMatch(new RegExp(`^warning 1:13 ${oldApi} ${kind} is deprecated since [0-9.]+ and removed in ${removed.replace('.', '\\.')}; use `));
      }
      expect(await verdict(newApi, kind, removed)).toBe('none');
    });
  }

  it('autoscaling/v2beta2 and batch/v1beta1 CronJob: 1.24 warns, 1.26 fails, in one file', async () => {
    const text = [
      object('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'hpa'),
      object('batch/v1beta1', 'CronJob', 'cron'),
      object('autoscaling/v2', 'HorizontalPodAutoscaler', 'hpa-new'),
      object('batch/v1', 'CronJob', 'cron-new'),
    ].join('---\n');
    const summary = (fs: Finding[]) => fs.map((f) => `${f.location.range.startLine} ${f.severity}`);
    expect(summary(await findings(text, '1.24'))).toEqual(['1 warning', '6 warning']);
    expect(summary(await findings(text, '1.26'))).toEqual(['1 error', '6 error']);
    // batch/v1 CronJob does not exist before 1.21.
    expect(summary(await findings(text, '1.20'))).toEqual(['11 error', '16 error']);
  });

  it('stays silent on current APIs in every version that has them', async () => {
    const text = [object('apps/v1', 'Deployment'), object('v1', 'ConfigMap'), object('networking.k8s.io/v1', 'NetworkPolicy')].join('---\n');
    for (const v of ['1.16', '1.22', '1.29', '1.36']) expect(await findings(text, v)).toEqual([]);
  });
});
