/**
 * The Pod Security Standards evaluator, control by control: each row starts from a pod that meets
 * the restricted level, changes one thing, and states which check must (or must not) fire, where,
 * at which level and policy version.
 */
import { describe, expect, it } from 'vitest';
import {
  controlsFor,
  evaluatePodSecurity,
  formatPodSecurityViolations,
  parsePolicyVersion,
  POD_SECURITY_CONTROLS,
  type PodSecurityLevel,
} from '../../src/k8s/pod-security.js';
import { podTemplateOf } from '../../src/k8s/pod-template.js';

type Obj = Record<string, any>;

/** A bare Pod that passes the restricted level. */
function compliantPod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

const c0 = (pod: Obj): Obj => pod.spec.containers[0];
const sc0 = (pod: Obj): Obj => c0(pod).securityContext;

function evaluate(pod: Obj, level: PodSecurityLevel, version?: string) {
  const template = podTemplateOf(pod);
  if (!template) throw new Error('not a pod');
  return evaluatePodSecurity(template, level, version === undefined ? {} : { version });
}

interface Row {
  name: string;
  check: string;
  level: PodSecurityLevel;
  version?: string;
  change: (pod: Obj) => void;
  /** The JSON path the violation points at; omitted for a passing row. */
  path?: (string | number)[];
  part?: 'key';
}

const C = ['spec', 'containers', 0];
const SC = [...C, 'securityContext'];
const PSC = ['spec', 'securityContext'];

const failing: Row[] = [
  // baseline
  { name: 'container hostProcess', check: 'windowsHostProcess', level: 'baseline', change: (p) => (sc0(p).windowsOptions = { hostProcess: true }), path: [...SC, 'windowsOptions', 'hostProcess'] },
  { name: 'pod hostProcess', check: 'windowsHostProcess', level: 'baseline', change: (p) => (p.spec.securityContext.windowsOptions = { hostProcess: true }), path: [...PSC, 'windowsOptions', 'hostProcess'] },
  { name: 'hostPID', check: 'hostNamespaces', level: 'baseline', change: (p) => (p.spec.hostPID = true), path: ['spec', 'hostPID'] },
  { name: 'hostNetwork', check: 'hostNamespaces', level: 'baseline', change: (p) => (p.spec.hostNetwork = true), path: ['spec', 'hostNetwork'] },
  { name: 'hostIPC', check: 'hostNamespaces', level: 'baseline', change: (p) => (p.spec.hostIPC = true), path: ['spec', 'hostIPC'] },
  { name: 'privileged', check: 'privileged', level: 'baseline', change: (p) => (sc0(p).privileged = true), path: [...SC, 'privileged'] },
  { name: 'add SYS_ADMIN', check: 'capabilities_baseline', level: 'baseline', change: (p) => (sc0(p).capabilities.add = ['CHOWN', 'SYS_ADMIN']), path: [...SC, 'capabilities', 'add', 1] },
  { name: 'add lower-case chown (admission compares exactly)', check: 'capabilities_baseline', level: 'baseline', change: (p) => (sc0(p).capabilities.add = ['chown']), path: [...SC, 'capabilities', 'add', 0] },
  { name: 'hostPath volume', check: 'hostPathVolumes', level: 'baseline', change: (p) => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/var' } }]), path: ['spec', 'volumes', 0, 'hostPath'], part: 'key' },
  { name: 'hostPort', check: 'hostPorts', level: 'baseline', change: (p) => (c0(p).ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 8081 }]), path: [...C, 'ports', 1, 'hostPort'] },
  { name: 'init container hostPort', check: 'hostPorts', level: 'baseline', change: (p) => (p.spec.initContainers = [{ name: 'i', image: 'busybox:1', ports: [{ containerPort: 1, hostPort: 1 }] }]), path: ['spec', 'initContainers', 0, 'ports', 0, 'hostPort'] },
  { name: 'pod AppArmor Unconfined', check: 'appArmorProfile', level: 'baseline', change: (p) => (p.spec.securityContext.appArmorProfile = { type: 'Unconfined' }), path: [...PSC, 'appArmorProfile', 'type'] },
  { name: 'container AppArmor Unconfined', check: 'appArmorProfile', level: 'baseline', change: (p) => (sc0(p).appArmorProfile = { type: 'Unconfined' }), path: [...SC, 'appArmorProfile', 'type'] },
  {
    name: 'AppArmor annotation unconfined',
    check: 'appArmorProfile',
    level: 'baseline',
    change: (p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
    path: ['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/app'],
  },
  { name: 'SELinux type spc_t', check: 'seLinuxOptions', level: 'baseline', change: (p) => (sc0(p).seLinuxOptions = { type: 'spc_t' }), path: [...SC, 'seLinuxOptions', 'type'] },
  { name: 'SELinux user', check: 'seLinuxOptions', level: 'baseline', change: (p) => (p.spec.securityContext.seLinuxOptions = { user: 'system_u' }), path: [...PSC, 'seLinuxOptions', 'user'] },
  { name: 'SELinux role', check: 'seLinuxOptions', level: 'baseline', change: (p) => (sc0(p).seLinuxOptions = { role: 'sysadm_r' }), path: [...SC, 'seLinuxOptions', 'role'] },
  { name: 'SELinux container_engine_t before 1.31', check: 'seLinuxOptions', level: 'baseline', version: 'v1.30', change: (p) => (sc0(p).seLinuxOptions = { type: 'container_engine_t' }), path: [...SC, 'seLinuxOptions', 'type'] },
  { name: 'procMount Unmasked', check: 'procMount', level: 'baseline', change: (p) => (sc0(p).procMount = 'Unmasked'), path: [...SC, 'procMount'] },
  { name: 'procMount Unmasked, user namespace, policy 1.34', check: 'procMount', level: 'baseline', version: 'v1.34', change: (p) => ((sc0(p).procMount = 'Unmasked'), (p.spec.hostUsers = false)), path: [...SC, 'procMount'] },
  { name: 'seccomp Unconfined on the pod', check: 'seccompProfile_baseline', level: 'baseline', change: (p) => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' }), path: [...PSC, 'seccompProfile', 'type'] },
  { name: 'seccomp Unconfined on a container', check: 'seccompProfile_baseline', level: 'baseline', change: (p) => (sc0(p).seccompProfile = { type: 'Unconfined' }), path: [...SC, 'seccompProfile', 'type'] },
  { name: 'unsafe sysctl', check: 'sysctls', level: 'baseline', change: (p) => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.msgmax', value: '1' }]), path: [...PSC, 'sysctls', 1, 'name'] },
  { name: 'tcp_rmem before 1.32', check: 'sysctls', level: 'baseline', version: 'v1.31', change: (p) => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }]), path: [...PSC, 'sysctls', 0, 'name'] },
  { name: 'probe host', check: 'hostProbesAndHostLifecycle', level: 'baseline', change: (p) => (c0(p).readinessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }), path: [...C, 'readinessProbe', 'httpGet', 'host'] },
  { name: 'lifecycle host', check: 'hostProbesAndHostLifecycle', level: 'baseline', change: (p) => (c0(p).lifecycle = { preStop: { tcpSocket: { host: 'db', port: 5432 } } }), path: [...C, 'lifecycle', 'preStop', 'tcpSocket', 'host'] },
  // restricted
  { name: 'nfs volume', check: 'restrictedVolumes', level: 'restricted', change: (p) => (p.spec.volumes = [{ name: 'n', nfs: { server: 'nfs', path: '/' } }]), path: ['spec', 'volumes', 0, 'nfs'], part: 'key' },
  { name: 'hostPath volume under restricted', check: 'restrictedVolumes', level: 'restricted', change: (p) => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }]), path: ['spec', 'volumes', 0, 'hostPath'], part: 'key' },
  { name: 'allowPrivilegeEscalation unset', check: 'allowPrivilegeEscalation', level: 'restricted', change: (p) => delete sc0(p).allowPrivilegeEscalation, path: SC, part: 'key' },
  { name: 'allowPrivilegeEscalation true', check: 'allowPrivilegeEscalation', level: 'restricted', change: (p) => (sc0(p).allowPrivilegeEscalation = true), path: [...SC, 'allowPrivilegeEscalation'] },
  { name: 'no securityContext at all', check: 'allowPrivilegeEscalation', level: 'restricted', change: (p) => delete c0(p).securityContext, path: [...C, 'name'] },
  { name: 'runAsNonRoot unset everywhere', check: 'runAsNonRoot', level: 'restricted', change: (p) => delete p.spec.securityContext.runAsNonRoot, path: SC, part: 'key' },
  { name: 'runAsNonRoot false on a container', check: 'runAsNonRoot', level: 'restricted', change: (p) => (sc0(p).runAsNonRoot = false), path: [...SC, 'runAsNonRoot'] },
  { name: 'runAsNonRoot false on the pod', check: 'runAsNonRoot', level: 'restricted', change: (p) => ((p.spec.securityContext.runAsNonRoot = false), (sc0(p).runAsNonRoot = true)), path: [...PSC, 'runAsNonRoot'] },
  { name: 'runAsNonRoot unset, user namespace, policy 1.34', check: 'runAsNonRoot', level: 'restricted', version: 'v1.34', change: (p) => ((p.spec.hostUsers = false), delete p.spec.securityContext.runAsNonRoot), path: SC, part: 'key' },
  { name: 'runAsUser 0 on a container', check: 'runAsUser', level: 'restricted', change: (p) => (sc0(p).runAsUser = 0), path: [...SC, 'runAsUser'] },
  { name: 'runAsUser 0 on the pod', check: 'runAsUser', level: 'restricted', change: (p) => (p.spec.securityContext.runAsUser = 0), path: [...PSC, 'runAsUser'] },
  { name: 'seccomp unset', check: 'seccompProfile_restricted', level: 'restricted', change: (p) => delete p.spec.securityContext.seccompProfile, path: SC, part: 'key' },
  { name: 'seccomp Unconfined under restricted', check: 'seccompProfile_restricted', level: 'restricted', change: (p) => (sc0(p).seccompProfile = { type: 'Unconfined' }), path: [...SC, 'seccompProfile', 'type'] },
  { name: 'drop ALL missing', check: 'capabilities_restricted', level: 'restricted', change: (p) => (sc0(p).capabilities.drop = ['NET_RAW']), path: [...SC, 'capabilities', 'drop'], part: 'key' },
  { name: 'drop lower-case all (admission compares exactly)', check: 'capabilities_restricted', level: 'restricted', change: (p) => (sc0(p).capabilities.drop = ['all']), path: [...SC, 'capabilities', 'drop'], part: 'key' },
  { name: 'no capabilities', check: 'capabilities_restricted', level: 'restricted', change: (p) => delete sc0(p).capabilities, path: SC, part: 'key' },
  { name: 'add CHOWN under restricted', check: 'capabilities_restricted', level: 'restricted', change: (p) => (sc0(p).capabilities.add = ['NET_BIND_SERVICE', 'CHOWN']), path: [...SC, 'capabilities', 'add', 1] },
  { name: 'procMount in a user namespace under restricted', check: 'procMount_restricted', level: 'restricted', change: (p) => ((sc0(p).procMount = 'Unmasked'), (p.spec.hostUsers = false)), path: [...SC, 'procMount'] },
];

const passing: Row[] = [
  { name: 'hostProcess false', check: 'windowsHostProcess', level: 'restricted', change: (p) => (sc0(p).windowsOptions = { hostProcess: false }) },
  { name: 'host namespaces false', check: 'hostNamespaces', level: 'restricted', change: (p) => Object.assign(p.spec, { hostNetwork: false, hostPID: false, hostIPC: false }) },
  { name: 'privileged false', check: 'privileged', level: 'restricted', change: (p) => (sc0(p).privileged = false) },
  { name: 'add default capabilities', check: 'capabilities_baseline', level: 'baseline', change: (p) => (sc0(p).capabilities.add = ['CHOWN', 'NET_BIND_SERVICE', 'SYS_CHROOT']) },
  { name: 'emptyDir volume', check: 'hostPathVolumes', level: 'baseline', change: (p) => (p.spec.volumes = [{ name: 'e', emptyDir: {} }]) },
  { name: 'hostPort 0', check: 'hostPorts', level: 'restricted', change: (p) => (c0(p).ports = [{ containerPort: 80, hostPort: 0 }]) },
  {
    name: 'AppArmor RuntimeDefault, Localhost and annotations',
    check: 'appArmorProfile',
    level: 'restricted',
    change: (p) => {
      p.spec.securityContext.appArmorProfile = { type: 'RuntimeDefault' };
      sc0(p).appArmorProfile = { type: 'Localhost', localhostProfile: 'k8s-nginx' };
      p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/side': 'localhost/custom',
      };
    },
  },
  { name: 'SELinux container_t with level', check: 'seLinuxOptions', level: 'restricted', change: (p) => (sc0(p).seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' }) },
  { name: 'SELinux container_engine_t from 1.31', check: 'seLinuxOptions', level: 'restricted', version: 'v1.31', change: (p) => (sc0(p).seLinuxOptions = { type: 'container_engine_t' }) },
  { name: 'procMount Default', check: 'procMount', level: 'restricted', change: (p) => (sc0(p).procMount = 'Default') },
  { name: 'procMount Unmasked in a user namespace, baseline 1.35', check: 'procMount', level: 'baseline', version: 'v1.35', change: (p) => ((sc0(p).procMount = 'Unmasked'), (p.spec.hostUsers = false)) },
  { name: 'seccomp unset under baseline', check: 'seccompProfile_baseline', level: 'baseline', change: (p) => delete p.spec.securityContext.seccompProfile },
  { name: 'safe sysctls', check: 'sysctls', level: 'restricted', change: (p) => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }, { name: 'net.ipv4.tcp_keepalive_time', value: '60' }]) },
  { name: 'tcp_rmem from 1.32', check: 'sysctls', level: 'baseline', version: 'v1.32', change: (p) => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }]) },
  { name: 'probe without host', check: 'hostProbesAndHostLifecycle', level: 'restricted', change: (p) => (c0(p).livenessProbe = { httpGet: { path: '/', port: 80, host: '' } }) },
  { name: 'probe host before policy 1.34', check: 'hostProbesAndHostLifecycle', level: 'baseline', version: 'v1.33', change: (p) => (c0(p).livenessProbe = { tcpSocket: { host: 'x', port: 80 } }) },
  {
    name: 'allowed volume types',
    check: 'restrictedVolumes',
    level: 'restricted',
    change: (p) =>
      (p.spec.volumes = [
        { name: 'a', configMap: { name: 'c' } },
        { name: 'b', secret: { secretName: 's' } },
        { name: 'c', persistentVolumeClaim: { claimName: 'p' } },
        { name: 'd', projected: { sources: [] } },
        { name: 'e', downwardAPI: { items: [] } },
        { name: 'f', csi: { driver: 'x' } },
        { name: 'g', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        { name: 'h', image: { reference: 'x:1' } },
        { name: 'i' },
      ]),
  },
  { name: 'allowPrivilegeEscalation unset on a Windows pod', check: 'allowPrivilegeEscalation', level: 'restricted', change: (p) => ((p.spec.os = { name: 'windows' }), delete sc0(p).allowPrivilegeEscalation) },
  { name: 'runAsNonRoot on every container', check: 'runAsNonRoot', level: 'restricted', change: (p) => (delete p.spec.securityContext.runAsNonRoot, (sc0(p).runAsNonRoot = true)) },
  { name: 'runAsNonRoot unset in a user namespace, policy 1.35', check: 'runAsNonRoot', level: 'restricted', change: (p) => ((p.spec.hostUsers = false), delete p.spec.securityContext.runAsNonRoot) },
  { name: 'runAsUser 1000', check: 'runAsUser', level: 'restricted', change: (p) => (sc0(p).runAsUser = 1000) },
  { name: 'runAsUser 0 before policy 1.23', check: 'runAsUser', level: 'restricted', version: 'v1.22', change: (p) => (sc0(p).runAsUser = 0) },
  { name: 'seccomp Localhost on every container', check: 'seccompProfile_restricted', level: 'restricted', change: (p) => (delete p.spec.securityContext.seccompProfile, (sc0(p).seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' })) },
  { name: 'seccomp unset on a Windows pod', check: 'seccompProfile_restricted', level: 'restricted', change: (p) => ((p.spec.os = { name: 'windows' }), delete p.spec.securityContext.seccompProfile) },
  { name: 'drop ALL, add NET_BIND_SERVICE', check: 'capabilities_restricted', level: 'restricted', change: (p) => (sc0(p).capabilities = { drop: ['NET_RAW', 'ALL'], add: ['NET_BIND_SERVICE'] }) },
  { name: 'no capabilities on a Windows pod', check: 'capabilities_restricted', level: 'restricted', change: (p) => ((p.spec.os = { name: 'windows' }), delete sc0(p).capabilities) },
];

describe('Pod Security Standards controls', () => {
  it('starts from a pod that passes restricted', () => {
    expect(evaluate(compliantPod(), 'restricted')).toEqual([]);
  });

  it('covers every control with a failing and a passing row', () => {
    const checks = POD_SECURITY_CONTROLS.map((c) => c.check);
    expect(checks.filter((c) => !failing.some((r) => r.check === c))).toEqual([]);
    expect(checks.filter((c) => !passing.some((r) => r.check === c) && c !== 'procMount_restricted')).toEqual([]);
  });

  it.each(failing)('$level $check fails: $name', (row) => {
    const pod = compliantPod();
    row.change(pod);
    const found = evaluate(pod, row.level, row.version).filter((v) => v.check === row.check);
    expect(found.map((v) => ({ path: v.path, part: v.part }))).toEqual([{ path: row.path, part: row.part }]);
    const control = POD_SECURITY_CONTROLS.find((c) => c.check === row.check)!;
    expect(found[0].level).toBe(control.level);
    expect(found[0].control).toBe(control.control);
    expect(found[0].reason.length).toBeGreaterThan(0);
  });

  it.each(passing)('$level $check passes: $name', (row) => {
    const pod = compliantPod();
    row.change(pod);
    expect(evaluate(pod, row.level, row.version)).toEqual([]);
  });
});

describe('Pod Security levels and versions', () => {
  it('does not apply restricted controls under baseline', () => {
    const pod = compliantPod();
    delete c0(pod).securityContext;
    delete pod.spec.securityContext;
    expect(evaluate(pod, 'baseline')).toEqual([]);
    expect(new Set(evaluate(pod, 'restricted').map((v) => v.check))).toEqual(
      new Set(['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted']),
    );
  });

  it('replaces overridden baseline checks under restricted', () => {
    const checks = controlsFor('restricted', Number.POSITIVE_INFINITY).map((c) => c.check);
    for (const overridden of ['hostPathVolumes', 'seccompProfile_baseline', 'capabilities_baseline', 'procMount']) {
      expect(checks).not.toContain(overridden);
    }
    expect(controlsFor('restricted', 34).map((c) => c.check)).toContain('procMount');
    expect(controlsFor('baseline', 33).map((c) => c.check)).not.toContain('hostProbesAndHostLifecycle');
  });

  it('reads policy versions as admission does', () => {
    expect(parsePolicyVersion('latest')).toBe(Number.POSITIVE_INFINITY);
    expect(parsePolicyVersion(undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(parsePolicyVersion('v1.25')).toBe(25);
    expect(parsePolicyVersion('1.25')).toBe(25);
    expect(parsePolicyVersion('v2.0')).toBeUndefined();
    expect(parsePolicyVersion('v1.025')).toBeUndefined();
    expect(parsePolicyVersion(25)).toBeUndefined();
  });

  it('reports each container of a multi-container pod separately, ephemeral ones included', () => {
    const pod = compliantPod();
    pod.spec.containers.push({ name: 'side', image: 'busybox:1', securityContext: { privileged: true } });
    pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1', securityContext: { privileged: true } }];
    const privileged = evaluate(pod, 'baseline').filter((v) => v.check === 'privileged');
    expect(privileged.map((v) => v.container)).toEqual(['side', 'debug']);
  });

  it('words the aggregate admission message like the API server', () => {
    const pod = compliantPod();
    delete c0(pod).securityContext;
    delete pod.spec.securityContext;
    expect(formatPodSecurityViolations(evaluate(pod, 'restricted'), 'restricted:latest')).toBe(
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])',
    );
  });

  it('never throws on odd values', () => {
    const odd: Obj[] = [
      { spec: { containers: null, volumes: 'x', securityContext: [] } },
      { spec: { containers: [null, 3, { name: 1, securityContext: 'x', ports: [null, { hostPort: null }] }], volumes: [null, { name: 'v', hostPath: null }] } },
      { spec: { securityContext: { sysctls: [null, { name: 3 }], seLinuxOptions: [], appArmorProfile: null }, containers: [{ securityContext: { capabilities: { add: 'SYS_ADMIN', drop: 'ALL' } } }] } },
      { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/x': 5 } }, spec: { containers: [{ lifecycle: [], livenessProbe: { httpGet: null } }] } },
    ];
    for (const o of odd) {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, ...o };
      for (const level of ['baseline', 'restricted'] as const) expect(() => evaluate(pod, level)).not.toThrow();
    }
  });
});
