import { describe, expect, it } from 'vitest';
import { checkPodSecurity } from '../../../src/sim/admission/pod-security.js';
import { lintText } from '../../helpers/rule-tester.js';
import { find, graphOfYaml, podOf } from '../helpers/admission.js';

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {${labels}}
`;

const nginx = (podSpec = '', container = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team-a
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${podSpec}      containers:
        - name: nginx
          image: nginx:1.27
${container}`;

function verdictOf(text: string, kubernetesVersion = '1.33') {
  const graph = graphOfYaml(text);
  const namespaces = new Map(graph.ofKind('Namespace').map((n) => [n.ref.name, n]));
  return checkPodSecurity(podOf(find(graph, 'Deployment')), namespaces, kubernetesVersion);
}

const hardened = `          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            capabilities: {drop: [ALL]}
            seccompProfile: {type: RuntimeDefault}
`;

describe('checkPodSecurity (§11.3)', () => {
  it('rejects a plain nginx pod in a restricted namespace with the full PodSecurity message', () => {
    const text = `${namespace('pod-security.kubernetes.io/enforce: restricted')}---\n${nginx()}`;
    const verdict = verdictOf(text);
    expect(verdict?.policy).toBe('restricted:latest');
    expect(verdict?.message).toBe(
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(verdict?.labelPath).toEqual(['metadata', 'labels', 'pod-security.kubernetes.io/enforce']);
    expect(verdict?.namespace.ref.name).toBe('team-a');
  });

  it('lists baseline checks before restricted ones, each by check ID, as the API server does', () => {
    const text = `${namespace('pod-security.kubernetes.io/enforce: restricted')}---\n${nginx('      hostNetwork: true\n', '          securityContext: {privileged: true}\n')}`;
    expect(verdictOf(text)?.violations.map((v) => v.check)).toEqual([
      'hostNamespaces',
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
  });

  it('admits a hardened pod under restricted', () => {
    expect(verdictOf(`${namespace('pod-security.kubernetes.io/enforce: restricted')}---\n${nginx('', hardened)}`)).toBeUndefined();
  });

  it('rejects a privileged host-network pod under baseline, and admits the plain one', () => {
    const privileged = nginx('      hostNetwork: true\n', '          securityContext: {privileged: true}\n');
    const verdict = verdictOf(`${namespace('pod-security.kubernetes.io/enforce: baseline')}---\n${privileged}`);
    expect(verdict?.message).toBe(
      'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), privileged (container "nginx" must not set securityContext.privileged=true)',
    );
    expect(verdict?.violations.map((v) => v.path)).toEqual([
      ['spec', 'template', 'spec', 'hostNetwork'],
      ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
    ]);
    expect(verdictOf(`${namespace('pod-security.kubernetes.io/enforce: baseline')}---\n${nginx()}`)).toBeUndefined();
  });

  it('admits anything in a privileged namespace, an unlabelled one, or one not in the input', () => {
    const privileged = nginx('      hostNetwork: true\n', '          securityContext: {privileged: true}\n');
    expect(verdictOf(`${namespace('pod-security.kubernetes.io/enforce: privileged')}---\n${privileged}`)).toBeUndefined();
    expect(verdictOf(`${namespace('team: a')}---\n${privileged}`)).toBeUndefined();
    expect(verdictOf(privileged)).toBeUndefined();
  });

  it('names a pinned policy version, and enforces nothing before Kubernetes 1.23', () => {
    const text = `${namespace('pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.24')}---\n${nginx()}`;
    const verdict = verdictOf(text);
    expect(verdict?.policy).toBe('restricted:v1.24');
    expect(verdict?.versionLabelPath).toEqual(['metadata', 'labels', 'pod-security.kubernetes.io/enforce-version']);
    expect(verdictOf(text, '1.22')).toBeUndefined();
  });

  it('gives the same verdicts as the pod-security rule', async () => {
    const cases = [
      `${namespace('pod-security.kubernetes.io/enforce: restricted')}---\n${nginx()}`,
      `${namespace('pod-security.kubernetes.io/enforce: baseline')}---\n${nginx('      hostPID: true\n', '          ports: [{containerPort: 80, hostPort: 80}]\n')}`,
      `${namespace('pod-security.kubernetes.io/enforce: restricted')}---\n${nginx('', hardened)}`,
      `${namespace('pod-security.kubernetes.io/enforce: nonsense')}---\n${nginx('', hardened.replace('RuntimeDefault', 'Unconfined'))}`,
    ];
    for (const text of cases) {
      const verdict = verdictOf(text);
      const result = await lintText(text, { kubernetesVersion: '1.33' });
      const ruleMessages = result.findings.filter((f) => f.ruleId === 'pod-security').map((f) => f.message);
      expect(ruleMessages.length).toBe(verdict?.violations.length ?? 0);
      for (const v of verdict?.violations ?? []) {
        expect(ruleMessages.some((m) => m.includes(`violates PodSecurity "${verdict!.policy}": ${v.reason} (${v.detail})`))).toBe(true);
      }
    }
  });
});
