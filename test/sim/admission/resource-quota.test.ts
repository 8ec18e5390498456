import { describe, expect, it } from 'vitest';
import { QuotaLedger, type QuotaVerdict } from '../../../src/sim/admission/resource-quota.js';
import type { SimPod } from '../../../src/sim/model.js';
import { deployment, find, graphOfYaml, podsOf } from '../helpers/admission.js';

const quota = (name: string, hard: string, extra = '', namespace = 'team-a') => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  hard: {${hard}}
${extra}`;

const resources = (lines: string) => `          resources:\n${lines}`;

function admitAll(text: string): { verdicts: QuotaVerdict[]; pods: SimPod[]; ledger: QuotaLedger; graph: ReturnType<typeof graphOfYaml> } {
  const graph = graphOfYaml(text);
  const ledger = new QuotaLedger(graph.ofKind('ResourceQuota'));
  const pods = podsOf(graph);
  return { verdicts: pods.map((p) => ledger.admit(p)), pods, ledger, graph };
}

const messages = (verdicts: QuotaVerdict[]) => verdicts.map((v) => (v.allowed ? 'ok' : v.message));

describe('QuotaLedger (§11.1)', () => {
  it('accumulates requests.cpu over pods and rejects the one that exceeds, with the admission message', () => {
    const { verdicts, graph } = admitAll(
      [
        quota('compute', 'requests.cpu: "6"'),
        deployment('web', 'team-a', 2, resources('            requests: {cpu: "2"}\n')),
        deployment('api', 'team-a', 1, resources('            requests: {cpu: "3"}\n')),
      ].join('---\n'),
    );
    expect(messages(verdicts)).toEqual(['ok', 'ok', 'exceeded quota: compute, requested: requests.cpu=3, used: requests.cpu=4, limited: requests.cpu=6']);
    const rejected = verdicts[2];
    expect(rejected.allowed).toBe(false);
    if (rejected.allowed) return;
    expect(rejected.reason).toBe('exceeded');
    expect(rejected.quota).toBe(find(graph, 'ResourceQuota'));
    expect(rejected.paths).toEqual([['spec', 'hard', 'requests.cpu']]);
  });

  it('rejects the 3rd replica of a Deployment, and counts `cpu` as requests.cpu', () => {
    const { verdicts } = admitAll(
      [quota('q', 'cpu: 1500m'), deployment('web', 'team-a', 3, resources('            limits: {cpu: 500m, memory: 1Gi}\n            requests: {cpu: 600m}\n'))].join('---\n'),
    );
    expect(messages(verdicts)).toEqual(['ok', 'ok', 'exceeded quota: q, requested: cpu=600m, used: cpu=1200m, limited: cpu=1500m']);
  });

  it('tracks memory, limits.cpu and limits.memory, listing every exceeded resource sorted', () => {
    const { verdicts } = admitAll(
      [
        quota('mem', 'requests.memory: 2Gi, limits.memory: 3Gi, limits.cpu: "2"'),
        deployment('web', 'team-a', 2, resources('            requests: {cpu: 250m, memory: 1Gi}\n            limits: {cpu: "1", memory: 1536Mi}\n')),
        deployment('api', 'team-a', 1, resources('            requests: {cpu: 250m, memory: 512Mi}\n            limits: {cpu: 500m, memory: 512Mi}\n')),
      ].join('---\n'),
    );
    expect(messages(verdicts)).toEqual([
      'ok',
      'ok',
      'exceeded quota: mem, requested: limits.cpu=500m,limits.memory=512Mi,requests.memory=512Mi, used: limits.cpu=2,limits.memory=3Gi,requests.memory=2Gi, limited: limits.cpu=2,limits.memory=3Gi,requests.memory=2Gi',
    ]);
  });

  it('counts pods and count/pods', () => {
    const pods = admitAll([quota('count', 'pods: "2"'), deployment('web', 'team-a', 3)].join('---\n'));
    expect(messages(pods.verdicts)[2]).toBe('exceeded quota: count, requested: pods=1, used: pods=2, limited: pods=2');
    const objects = admitAll([quota('objects', 'count/pods: "1"'), deployment('web', 'team-a', 2)].join('---\n'));
    expect(messages(objects.verdicts)).toEqual(['ok', 'exceeded quota: objects, requested: count/pods=1, used: count/pods=1, limited: count/pods=1']);
  });

  it('tracks extended resources as requests.<name>, requests defaulted from limits', () => {
    const { verdicts } = admitAll(
      [quota('gpu', 'requests.nvidia.com/gpu: "1"'), deployment('train', 'team-a', 2, resources('            limits: {nvidia.com/gpu: 1}\n'))].join('---\n'),
    );
    expect(messages(verdicts)).toEqual([
      'ok',
      'exceeded quota: gpu, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=1, limited: requests.nvidia.com/gpu=1',
    ]);
  });

  it('rejects a pod whose containers do not specify a quota-tracked compute resource (must-specify)', () => {
    const { verdicts } = admitAll([quota('q', 'requests.cpu: "4"'), deployment('web', 'team-a', 1)].join('---\n'));
    expect(messages(verdicts)).toEqual(['failed quota: q: must specify requests.cpu for: app']);
    const v = verdicts[0];
    if (v.allowed) throw new Error('expected a rejection');
    expect(v.reason).toBe('must-specify');
    expect(v.paths).toEqual([['spec', 'hard', 'requests.cpu']]);
    expect(v.missing).toEqual([{ resource: 'requests.cpu', containers: ['app'] }]);
  });

  it('lists must-specify resources sorted with their containers (init containers included)', () => {
    const { verdicts } = admitAll(
      [
        quota('q', 'limits.cpu: "4", requests.memory: 4Gi, pods: "10"'),
        deployment(
          'web',
          'team-a',
          1,
          resources('            requests: {memory: 64Mi}\n') + '        - name: sidecar\n          image: envoy\n',
          '      initContainers:\n        - name: init\n          image: busybox\n          resources:\n            limits: {cpu: 100m, memory: 32Mi}\n',
        ),
      ].join('---\n'),
    );
    expect(messages(verdicts)).toEqual(['failed quota: q: must specify limits.cpu for: app,sidecar; requests.memory for: sidecar']);
  });

  it('charges nothing when a later quota rejects the pod, and every matching quota must admit', () => {
    const { verdicts, ledger, graph } = admitAll(
      [quota('a-cpu', 'requests.cpu: "10"'), quota('b-pods', 'pods: "1"'), deployment('web', 'team-a', 2, resources('            requests: {cpu: "1"}\n'))].join('---\n'),
    );
    expect(messages(verdicts)).toEqual(['ok', 'exceeded quota: b-pods, requested: pods=1, used: pods=1, limited: pods=1']);
    expect(ledger.used(find(graph, 'ResourceQuota', 'a-cpu'))).toEqual({ 'requests.cpu': 1000 });
  });

  it('ignores quotas of other namespaces and quotas on resources pods do not consume', () => {
    const { verdicts } = admitAll(
      [quota('other', 'pods: "0"', '', 'team-b'), quota('svc', 'services: "0", persistentvolumeclaims: "0"'), deployment('web', 'team-a', 2)].join('---\n'),
    );
    expect(messages(verdicts)).toEqual(['ok', 'ok']);
  });

  it('releases what a pod was charged', () => {
    const { pods, ledger } = admitAll([quota('count', 'pods: "1"'), deployment('web', 'team-a', 2)].join('---\n'));
    expect(ledger.admit(pods[1]).allowed).toBe(false);
    ledger.release(pods[0]);
    expect(ledger.admit(pods[1]).allowed).toBe(true);
  });
});

describe('QuotaLedger scopes (§11.1, QoS §2.3)', () => {
  const bestEffort = deployment('be', 'team-a', 1);
  const burstable = deployment('burst', 'team-a', 1, resources('            requests: {cpu: 100m}\n'));
  const terminating = deployment('job', 'team-a', 1, resources('            requests: {cpu: 100m}\n'), '      activeDeadlineSeconds: 600\n');
  const priority = deployment('prio', 'team-a', 1, resources('            requests: {cpu: 100m}\n'), '      priorityClassName: high\n');
  const all = [bestEffort, burstable, terminating, priority];

  const verdictsFor = (hard: string, scope: string) => messages(admitAll([quota('scoped', hard, scope), ...all].join('---\n')).verdicts);
  const none = 'exceeded quota: scoped, requested: pods=1, used: pods=0, limited: pods=0';

  it('BestEffort applies only to pods without cpu/memory requests or limits', () => {
    expect(verdictsFor('pods: "0"', '  scopes: [BestEffort]\n')).toEqual([none, 'ok', 'ok', 'ok']);
  });

  it('NotBestEffort applies to the others', () => {
    expect(verdictsFor('pods: "0"', '  scopes: [NotBestEffort]\n')).toEqual(['ok', none, none, none]);
  });

  it('Terminating applies to pods with activeDeadlineSeconds, NotTerminating to the rest', () => {
    expect(verdictsFor('pods: "0"', '  scopes: [Terminating]\n')).toEqual(['ok', 'ok', none, 'ok']);
    expect(verdictsFor('pods: "0"', '  scopes: [NotTerminating]\n')).toEqual([none, none, 'ok', none]);
  });

  it('PriorityClass scopeSelector matches the pod priorityClassName (In, NotIn, Exists)', () => {
    const selector = (op: string, values = '') =>
      `  scopeSelector:\n    matchExpressions:\n      - {scopeName: PriorityClass, operator: ${op}${values ? `, values: [${values}]` : ''}}\n`;
    expect(verdictsFor('pods: "0"', selector('In', 'high'))).toEqual(['ok', 'ok', 'ok', none]);
    expect(verdictsFor('pods: "0"', selector('NotIn', 'high'))).toEqual([none, none, none, 'ok']);
    expect(verdictsFor('pods: "0"', selector('Exists'))).toEqual(['ok', 'ok', 'ok', none]);
  });

  it('PriorityClass DoesNotExist matches the pods without a priorityClassName (a label selector over an empty set)', () => {
    const selector = '  scopeSelector:\n    matchExpressions:\n      - {scopeName: PriorityClass, operator: DoesNotExist}\n';
    expect(verdictsFor('pods: "0"', selector)).toEqual([none, none, none, 'ok']);
  });

  it('a scoped quota applies the must-specify rule only to the pods in its scope', () => {
    expect(verdictsFor('requests.memory: 1Gi', '  scopes: [Terminating]\n')).toEqual([
      'ok',
      'ok',
      'failed quota: scoped: must specify requests.memory for: app',
      'ok',
    ]);
  });
});
