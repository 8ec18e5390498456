import { describe, expect, it } from 'vitest';
import type { AdmissionResult } from '../../../src/sim/admission/admit.js';
import { admissionOfYaml, deployment, find } from '../helpers/admission.js';

const quota = (hard: string, name = 'compute') => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: ${name}
  namespace: team-a
spec:
  hard: {${hard}}
`;

const limitRange = (items: string, name = 'limits') => `apiVersion: v1
kind: LimitRange
metadata:
  name: ${name}
  namespace: team-a
spec:
  limits:
${items}`;

const restrictedNamespace = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {pod-security.kubernetes.io/enforce: restricted}
`;

const serviceAccount = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: deployer
  namespace: team-a
`;

function run(text: string) {
  const setup = admissionOfYaml(text);
  const results: AdmissionResult[] = setup.pods.map((p) => setup.admission.admit(p));
  return { ...setup, results, issues: setup.admission.issuesFor(results) };
}

const yaml = (...docs: string[]) => docs.join('---\n');

describe('Admission (§0 steps 2–3, §11)', () => {
  it('applies LimitRange defaults before the quota, so a defaulted request satisfies must-specify', () => {
    const { results, issues, graph, pods } = run(
      yaml(quota('requests.cpu: "1"'), limitRange('    - type: Container\n      defaultRequest: {cpu: 200m}\n'), deployment('web', 'team-a', 6)),
    );
    expect(results.map((r) => r.admitted)).toEqual([true, true, true, true, true, false]);
    expect(results[0].defaults.map((d) => `${d.field}.${d.resource}`)).toEqual(['requests.cpu']);
    expect(results[0].quotas).toEqual([find(graph, 'ResourceQuota')]);
    expect(pods[5].status).toEqual({
      phase: 'Rejected',
      reason: 'FailedCreate',
      message: `pods "${pods[5].name}" is forbidden: exceeded quota: compute, requested: requests.cpu=200m, used: requests.cpu=1, limited: requests.cpu=1`,
      ready: false,
    });
    expect(pods[0].status.phase).toBe('Pending');
    expect(issues).toEqual([
      {
        id: 'quota-exceeded',
        at: { manifest: find(graph, 'Deployment'), path: ['metadata', 'name'] },
        message:
          'ResourceQuota/team-a/compute admits only 5 of the 6 pods of Deployment/team-a/web: exceeded quota: compute, requested: requests.cpu=200m, used: requests.cpu=1, limited: requests.cpu=1',
        related: [{ node: { manifest: find(graph, 'ResourceQuota'), path: ['spec', 'hard', 'requests.cpu'] }, note: 'ResourceQuota/team-a/compute limits requests.cpu to 1' }],
      },
    ]);
  });

  it('without a LimitRange default, the quota rejects every pod lacking the request: one finding for the workload', () => {
    const { results, issues, graph } = run(yaml(quota('requests.cpu: "4"'), deployment('web', 'team-a', 3)));
    expect(results.map((r) => r.rejection?.check)).toEqual(['ResourceQuota', 'ResourceQuota', 'ResourceQuota']);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe(
      'ResourceQuota/team-a/compute rejects all 3 pods of Deployment/team-a/web: failed quota: compute: must specify requests.cpu for: app',
    );
    expect(issues[0].related).toEqual([
      { node: { manifest: find(graph, 'ResourceQuota'), path: ['spec', 'hard', 'requests.cpu'] }, note: 'ResourceQuota/team-a/compute limits requests.cpu to 4' },
      {
        node: { manifest: find(graph, 'Deployment'), path: ['spec', 'template', 'spec', 'containers', 0, 'resources'] },
        note: 'container "app" sets no requests.cpu',
      },
    ]);
  });

  it('names a bare Pod itself', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: team-a}
spec:
  containers: [{name: app, image: nginx}]
`;
    const { issues } = run(yaml(quota('pods: "0"'), pod));
    expect(issues.map((i) => i.message)).toEqual([
      'ResourceQuota/team-a/compute rejects Pod/team-a/solo: exceeded quota: compute, requested: pods=1, used: pods=0, limited: pods=0',
    ]);
  });

  it('rejects on a LimitRange violation before Pod Security and quota, one finding per violation at the container value', () => {
    const { results, issues, graph, pods } = run(
      yaml(
        restrictedNamespace,
        quota('pods: "0"'),
        limitRange('    - type: Container\n      max: {cpu: "2", memory: 1Gi}\n'),
        deployment('web', 'team-a', 2, '          resources:\n            limits: {cpu: "4", memory: 2Gi}\n'),
      ),
    );
    expect(results.map((r) => r.rejection?.check)).toEqual(['LimitRanger', 'LimitRanger']);
    expect(pods[0].status.message).toBe(
      `pods "${pods[0].name}" is forbidden: [maximum cpu usage per Container is 2, but limit is 4, maximum memory usage per Container is 1Gi, but limit is 2Gi]`,
    );
    const lr = find(graph, 'LimitRange');
    expect(issues).toEqual([
      {
        id: 'limitrange-violation',
        at: { manifest: find(graph, 'Deployment'), path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'] },
        message: 'LimitRange/team-a/limits rejects all 2 pods of Deployment/team-a/web: maximum cpu usage per Container is 2, but limit is 4',
        related: [{ node: { manifest: lr, path: ['spec', 'limits', 0, 'max', 'cpu'] }, note: 'the max cpu of LimitRange/team-a/limits' }],
      },
      {
        id: 'limitrange-violation',
        at: { manifest: find(graph, 'Deployment'), path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'] },
        message: 'LimitRange/team-a/limits rejects all 2 pods of Deployment/team-a/web: maximum memory usage per Container is 1Gi, but limit is 2Gi',
        related: [{ node: { manifest: lr, path: ['spec', 'limits', 0, 'max', 'memory'] }, note: 'the max memory of LimitRange/team-a/limits' }],
      },
    ]);
  });

  it('reports a request left above a defaulted limit as an invalid pod', () => {
    const { pods, issues } = run(
      yaml(limitRange('    - type: Container\n      default: {cpu: 500m}\n'), deployment('web', 'team-a', 1, '          resources:\n            requests: {cpu: "1"}\n')),
    );
    expect(pods[0].status.message).toBe(
      `Pod "${pods[0].name}" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "1": must be less than or equal to cpu limit of 500m`,
    );
    expect(issues.map((i) => i.message)).toEqual([
      'The defaults of LimitRange/team-a/limits make the pod of Deployment/team-a/web invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
  });

  it('rejects on Pod Security before the quota, with the Namespace enforce label as related', () => {
    const { results, issues, graph, pods } = run(yaml(restrictedNamespace, quota('pods: "0"'), deployment('web', 'team-a', 2)));
    expect(results.map((r) => r.rejection?.check)).toEqual(['PodSecurity', 'PodSecurity']);
    expect(pods[1].status.message).toMatch(new RegExp(`^pods "${pods[1].name}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false`));
    expect(issues).toHaveLength(1);
    expect(issues[0].id).toBe('admission-rejected');
    expect(issues[0].at).toEqual({ manifest: find(graph, 'Deployment'), path: ['metadata', 'name'] });
    expect(issues[0].message).toMatch(/^Namespace\/team-a rejects all 2 pods of Deployment\/team-a\/web: violates PodSecurity "restricted:latest": /);
    expect(issues[0].related[0]).toEqual({
      node: { manifest: find(graph, 'Namespace'), path: ['metadata', 'labels', 'pod-security.kubernetes.io/enforce'] },
      note: 'Namespace/team-a enforces the "restricted" Pod Security level',
    });
  });

  it('rejects a missing ServiceAccount first, at the template serviceAccountName', () => {
    const { results, issues, graph, pods } = run(
      yaml(
        serviceAccount,
        quota('pods: "0"'),
        limitRange('    - type: Container\n      max: {cpu: "1"}\n'),
        deployment('web', 'team-a', 2, '          resources:\n            limits: {cpu: "4"}\n', '      serviceAccountName: builder\n'),
      ),
    );
    expect(results.map((r) => r.rejection?.check)).toEqual(['ServiceAccount', 'ServiceAccount']);
    expect(pods[0].status.message).toBe(
      `pods "${pods[0].name}" is forbidden: error looking up service account team-a/builder: serviceaccount "builder" not found`,
    );
    expect(issues).toEqual([
      {
        id: 'admission-rejected',
        at: { manifest: find(graph, 'Deployment'), path: ['spec', 'template', 'spec', 'serviceAccountName'] },
        message:
          'ServiceAccount admission rejects all 2 pods of Deployment/team-a/web: error looking up service account team-a/builder: serviceaccount "builder" not found',
        related: [],
      },
    ]);
  });

  it('admits a ServiceAccount the input does not define when it defines none (unknown), and an existing one', () => {
    expect(run(deployment('web', 'team-a', 1, '', '      serviceAccountName: builder\n')).results[0].admitted).toBe(true);
    expect(run(yaml(serviceAccount, deployment('web', 'team-a', 1, '', '      serviceAccountName: deployer\n'))).results[0].admitted).toBe(true);
  });

  it('admits pods that break nothing and reports nothing', () => {
    const { results, issues } = run(yaml(quota('pods: "5", requests.cpu: "2"'), deployment('web', 'team-a', 2, '          resources:\n            requests: {cpu: 500m}\n')));
    expect(results.every((r) => r.admitted && r.rejection === undefined)).toBe(true);
    expect(issues).toEqual([]);
  });
});
