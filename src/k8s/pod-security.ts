/**
 * The Pod Security Standards as Pod Security Admission evaluates them (k8s-semantics.md §11.3,
 * checked against kubernetes/pod-security-admission `policy/check_*.go`): one function per
 * control, each returning the violations of one pod template with the JSON path of the offending
 * node (or of the node that should hold a missing setting), and `evaluatePodSecurity` for a whole
 * level. Independent of rules: the simulator's admission reuses it.
 *
 * Versions: every control knows the policy version it appeared in, and the version-dependent
 * allow-lists (sysctls, SELinux types) and exemptions (Windows pods, user namespaces) follow the
 * upstream registry. A policy version is a minor number of Kubernetes 1.x; `latest` is the newest
 * known. Checks upstream patched in place (image volumes, AppArmor fields) apply at every version,
 * as they do on a current API server. Seccomp annotations (policy below 1.19) are not modelled.
 */
import type { JsonPath, NodePart } from '../resolver/source-map.js';
import { containersOf, type ContainerRef, type PodTemplate } from './pod-template.js';
import { isRecord } from './values.js';

export type PodSecurityLevel = 'baseline' | 'restricted';

export interface PodSecurityViolation {
  /** Upstream check ID (`allowPrivilegeEscalation`, `hostNamespaces`…). */
  check: string;
  /** The Pod Security Standards control name ("Privilege Escalation"). */
  control: string;
  /** The level the control belongs to (a baseline control also applies under restricted). */
  level: PodSecurityLevel;
  /** Upstream ForbiddenReason (`allowPrivilegeEscalation != false`). */
  reason: string;
  /** Upstream-style ForbiddenDetail for this one violation (`container "app" must set …`). */
  detail: string;
  /** Path in the owning object of the offending node, or of the node that should hold the setting. */
  path: JsonPath;
  part?: NodePart;
  /** The container concerned, for container-level violations. */
  container?: string;
}

/** What a control check sees: the template, its containers and the policy version. */
export interface PodSecurityInput {
  template: PodTemplate;
  containers: readonly ContainerRef[];
  /** Policy minor version (1.x); Infinity for latest. */
  version: number;
}

export interface PodSecurityControl {
  check: string;
  control: string;
  level: PodSecurityLevel;
  /** First policy version with this check. */
  since: number;
  /** Baseline checks this restricted check replaces. */
  overrides?: readonly string[];
  evaluate(input: PodSecurityInput): PodSecurityViolation[];
}

export const PSA_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const PSA_ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** Capabilities the baseline level lets a container add (the container runtime's default set). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Safe sysctls and the policy version that allowed them. */
const SAFE_SYSCTLS: readonly [string, number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

/** Volume sources the restricted level allows (a volume with no source defaults to emptyDir). */
const RESTRICTED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// ---------------------------------------------------------------------------------------------
// Small readers

const securityContextOf = (holder: Record<string, unknown>): Record<string, unknown> | undefined =>
  isRecord(holder.securityContext) ? holder.securityContext : undefined;

const podSecurityContext = (input: PodSecurityInput) => securityContextOf(input.template.spec);
const podScPath = (input: PodSecurityInput): JsonPath => [...input.template.specPath, 'securityContext'];
const isWindowsPod = (input: PodSecurityInput) => isRecord(input.template.spec.os) && input.template.spec.os.name === 'windows';
/** `hostUsers: false`: the pod runs in a user namespace. */
const inUserNamespace = (input: PodSecurityInput) => input.template.spec.hostUsers === false;

const q = (s: unknown): string => `"${String(s)}"`;

/**
 * Where a missing setting belongs: the key of the deepest existing field along `fields` under the
 * container, or the container's name when it has none of them.
 */
function missingAt(c: ContainerRef, fields: readonly string[]): { path: JsonPath; part?: NodePart } {
  let holder: unknown = c.container;
  let found: JsonPath | undefined;
  const path: (string | number)[] = [...c.path];
  for (const f of fields) {
    if (!isRecord(holder) || holder[f] === undefined || holder[f] === null) break;
    holder = holder[f];
    path.push(f);
    found = [...path];
  }
  return found ? { path: found, part: 'key' } : { path: [...c.path, 'name'] };
}

function violation(
  control: Pick<PodSecurityControl, 'check' | 'control' | 'level'>,
  reason: string,
  detail: string,
  path: JsonPath,
  extra: { part?: NodePart; container?: string } = {},
): PodSecurityViolation {
  return { check: control.check, control: control.control, level: control.level, reason, detail, path, ...extra };
}

/** Container-level string field check: every container whose securityContext field is bad. */
function eachContainerSc(
  input: PodSecurityInput,
  visit: (c: ContainerRef, sc: Record<string, unknown>, scPath: JsonPath) => void,
): void {
  for (const c of input.containers) {
    const sc = securityContextOf(c.container);
    if (sc) visit(c, sc, [...c.path, 'securityContext']);
  }
}

// ---------------------------------------------------------------------------------------------
// Baseline controls

const HOST_PROCESS = { check: 'windowsHostProcess', control: 'HostProcess', level: 'baseline' } as const;
/** HostProcess: `windowsOptions.hostProcess` must be unset or false (pod and containers). */
export function checkHostProcess(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const podSc = podSecurityContext(input);
  if (podSc && isRecord(podSc.windowsOptions) && podSc.windowsOptions.hostProcess === true) {
    out.push(
      violation(HOST_PROCESS, 'hostProcess', 'pod must not set securityContext.windowsOptions.hostProcess=true', [
        ...podScPath(input),
        'windowsOptions',
        'hostProcess',
      ]),
    );
  }
  eachContainerSc(input, (c, sc, scPath) => {
    if (isRecord(sc.windowsOptions) && sc.windowsOptions.hostProcess === true) {
      out.push(
        violation(
          HOST_PROCESS,
          'hostProcess',
          `container ${q(c.name)} must not set securityContext.windowsOptions.hostProcess=true`,
          [...scPath, 'windowsOptions', 'hostProcess'],
          { container: c.name },
        ),
      );
    }
  });
  return out;
}

const HOST_NAMESPACES = { check: 'hostNamespaces', control: 'Host Namespaces', level: 'baseline' } as const;
/** Host namespaces: `hostNetwork`, `hostPID`, `hostIPC` must be unset or false. */
export function checkHostNamespaces(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (input.template.spec[field] === true) {
      out.push(violation(HOST_NAMESPACES, 'host namespaces', `${field}=true`, [...input.template.specPath, field]));
    }
  }
  return out;
}

const PRIVILEGED = { check: 'privileged', control: 'Privileged Containers', level: 'baseline' } as const;
/** Privileged containers: `securityContext.privileged` must be unset or false. */
export function checkPrivileged(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  eachContainerSc(input, (c, sc, scPath) => {
    if (sc.privileged === true) {
      out.push(
        violation(PRIVILEGED, 'privileged', `container ${q(c.name)} must not set securityContext.privileged=true`, [...scPath, 'privileged'], {
          container: c.name,
        }),
      );
    }
  });
  return out;
}

/** The `capabilities.add` items of a container, with their paths (strings only). */
function addedCapabilities(c: ContainerRef): { name: string; path: JsonPath }[] {
  const sc = securityContextOf(c.container);
  if (!sc || !isRecord(sc.capabilities) || !Array.isArray(sc.capabilities.add)) return [];
  const out: { name: string; path: JsonPath }[] = [];
  sc.capabilities.add.forEach((cap, i) => {
    if (typeof cap === 'string') out.push({ name: cap, path: [...c.path, 'securityContext', 'capabilities', 'add', i] });
  });
  return out;
}

const CAPABILITIES_BASELINE = { check: 'capabilities_baseline', control: 'Capabilities', level: 'baseline' } as const;
/** Capabilities: only the default set may be added (exact names, as admission compares them). */
export function checkCapabilitiesBaseline(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  for (const c of input.containers) {
    for (const cap of addedCapabilities(c)) {
      if (BASELINE_CAPABILITIES.has(cap.name)) continue;
      out.push(
        violation(
          CAPABILITIES_BASELINE,
          'non-default capabilities',
          `container ${q(c.name)} must not include ${q(cap.name)} in securityContext.capabilities.add`,
          cap.path,
          { container: c.name },
        ),
      );
    }
  }
  return out;
}

/** The volumes of the pod spec that are mappings, with their index. */
function volumesOf(input: PodSecurityInput): { volume: Record<string, unknown>; index: number; name: string }[] {
  const list = input.template.spec.volumes;
  if (!Array.isArray(list)) return [];
  const out: { volume: Record<string, unknown>; index: number; name: string }[] = [];
  list.forEach((v, index) => {
    if (isRecord(v)) out.push({ volume: v, index, name: typeof v.name === 'string' ? v.name : `#${index}` });
  });
  return out;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

const HOST_PATH = { check: 'hostPathVolumes', control: 'HostPath Volumes', level: 'baseline' } as const;
/** HostPath volumes are forbidden. */
export function checkHostPathVolumes(input: PodSecurityInput): PodSecurityViolation[] {
  return volumesOf(input)
    .filter((v) => present(v.volume.hostPath))
    .map((v) =>
      violation(HOST_PATH, 'hostPath volumes', `volume ${q(v.name)}`, [...input.template.specPath, 'volumes', v.index, 'hostPath'], {
        part: 'key',
      }),
    );
}

const HOST_PORTS = { check: 'hostPorts', control: 'Host Ports', level: 'baseline' } as const;
/** Host ports: `ports[*].hostPort` must be unset or 0. */
export function checkHostPorts(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  for (const c of input.containers) {
    const ports = c.container.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((p, i) => {
      if (!isRecord(p) || !present(p.hostPort) || p.hostPort === 0 || p.hostPort === '0') return;
      out.push(
        violation(HOST_PORTS, 'hostPort', `container ${q(c.name)} uses hostPort ${String(p.hostPort)}`, [...c.path, 'ports', i, 'hostPort'], {
          container: c.name,
        }),
      );
    });
  }
  return out;
}

const APPARMOR = { check: 'appArmorProfile', control: 'AppArmor', level: 'baseline' } as const;
const allowedAppArmorType = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost';
const allowedAppArmorAnnotation = (v: string): boolean => v === '' || v === 'runtime/default' || v.startsWith('localhost/');
/** AppArmor: profile type RuntimeDefault or Localhost (fields), runtime/default or localhost/* (annotations). */
export function checkAppArmor(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const reason = 'forbidden AppArmor profile';
  const podSc = podSecurityContext(input);
  if (podSc && isRecord(podSc.appArmorProfile) && !allowedAppArmorType(podSc.appArmorProfile.type)) {
    out.push(
      violation(APPARMOR, reason, `pod must not set AppArmor profile type to ${q(podSc.appArmorProfile.type ?? '')}`, [
        ...podScPath(input),
        'appArmorProfile',
        'type',
      ]),
    );
  }
  eachContainerSc(input, (c, sc, scPath) => {
    if (isRecord(sc.appArmorProfile) && !allowedAppArmorType(sc.appArmorProfile.type)) {
      out.push(
        violation(
          APPARMOR,
          reason,
          `container ${q(c.name)} must not set AppArmor profile type to ${q(sc.appArmorProfile.type ?? '')}`,
          [...scPath, 'appArmorProfile', 'type'],
          { container: c.name },
        ),
      );
    }
  });
  const annotations = input.template.metadata.annotations;
  if (isRecord(annotations)) {
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || typeof value !== 'string' || allowedAppArmorAnnotation(value)) continue;
      const container = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
      out.push(
        violation(APPARMOR, reason, `annotation ${key}=${q(value)} must be "runtime/default" or "localhost/<profile>"`, [
          ...input.template.metadataPath,
          'annotations',
          key,
        ], { container }),
      );
    }
  }
  return out;
}

const SELINUX = { check: 'seLinuxOptions', control: 'SELinux', level: 'baseline' } as const;
function allowedSeLinuxType(type: string, version: number): boolean {
  if (type === '' || type === 'container_t' || type === 'container_init_t' || type === 'container_kvm_t') return true;
  return type === 'container_engine_t' && version >= 31;
}
/** SELinux: type unset or a container type; user and role unset. */
export function checkSeLinux(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const visit = (options: unknown, path: JsonPath, who: string, container?: string): void => {
    if (!isRecord(options)) return;
    const extra = container === undefined ? {} : { container };
    if (typeof options.type === 'string' && !allowedSeLinuxType(options.type, input.version)) {
      out.push(violation(SELINUX, 'seLinuxOptions', `${who} set forbidden securityContext.seLinuxOptions: type ${q(options.type)}`, [...path, 'type'], extra));
    }
    for (const field of ['user', 'role']) {
      if (typeof options[field] === 'string' && options[field] !== '') {
        out.push(
          violation(SELINUX, 'seLinuxOptions', `${who} set forbidden securityContext.seLinuxOptions: ${field} may not be set`, [...path, field], extra),
        );
      }
    }
  };
  const podSc = podSecurityContext(input);
  if (podSc) visit(podSc.seLinuxOptions, [...podScPath(input), 'seLinuxOptions'], 'pod');
  eachContainerSc(input, (c, sc, scPath) => visit(sc.seLinuxOptions, [...scPath, 'seLinuxOptions'], `container ${q(c.name)}`, c.name));
  return out;
}

function procMountViolations(input: PodSecurityInput, control: Pick<PodSecurityControl, 'check' | 'control' | 'level'>): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  eachContainerSc(input, (c, sc, scPath) => {
    if (typeof sc.procMount !== 'string' || sc.procMount === '' || sc.procMount === 'Default') return;
    out.push(
      violation(control, 'procMount', `container ${q(c.name)} must not set securityContext.procMount to ${q(sc.procMount)}`, [...scPath, 'procMount'], {
        container: c.name,
      }),
    );
  });
  return out;
}

const PROC_MOUNT = { check: 'procMount', control: '/proc Mount Type', level: 'baseline' } as const;
/** /proc mount type: Default only; from policy 1.35 any type in a user namespace (`hostUsers: false`). */
export function checkProcMount(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 35 && inUserNamespace(input)) return [];
  return procMountViolations(input, PROC_MOUNT);
}

const SECCOMP_BASELINE = { check: 'seccompProfile_baseline', control: 'Seccomp', level: 'baseline' } as const;
/** Seccomp (baseline): the profile type must not be Unconfined (pod and containers). */
export function checkSeccompBaseline(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const podSc = podSecurityContext(input);
  if (podSc && isRecord(podSc.seccompProfile) && podSc.seccompProfile.type === 'Unconfined') {
    out.push(
      violation(SECCOMP_BASELINE, 'seccompProfile', 'pod must not set securityContext.seccompProfile.type to "Unconfined"', [
        ...podScPath(input),
        'seccompProfile',
        'type',
      ]),
    );
  }
  eachContainerSc(input, (c, sc, scPath) => {
    if (isRecord(sc.seccompProfile) && sc.seccompProfile.type === 'Unconfined') {
      out.push(
        violation(
          SECCOMP_BASELINE,
          'seccompProfile',
          `container ${q(c.name)} must not set securityContext.seccompProfile.type to "Unconfined"`,
          [...scPath, 'seccompProfile', 'type'],
          { container: c.name },
        ),
      );
    }
  });
  return out;
}

const SYSCTLS = { check: 'sysctls', control: 'Sysctls', level: 'baseline' } as const;
/** The sysctls the baseline level allows at a policy version. */
export function safeSysctls(version: number): Set<string> {
  return new Set(SAFE_SYSCTLS.filter(([, since]) => version >= since).map(([name]) => name));
}
/** Sysctls: only the safe, namespaced set. */
export function checkSysctls(input: PodSecurityInput): PodSecurityViolation[] {
  const podSc = podSecurityContext(input);
  if (!podSc || !Array.isArray(podSc.sysctls)) return [];
  const safe = safeSysctls(input.version);
  const out: PodSecurityViolation[] = [];
  podSc.sysctls.forEach((s, i) => {
    if (!isRecord(s) || typeof s.name !== 'string' || safe.has(s.name)) return;
    out.push(violation(SYSCTLS, 'forbidden sysctls', s.name, [...podScPath(input), 'sysctls', i, 'name']));
  });
  return out;
}

const HOST_PROBES = { check: 'hostProbesAndHostLifecycle', control: 'Host Probes / Lifecycle Hooks', level: 'baseline' } as const;
/** Host probes and lifecycle hooks (policy 1.34+): `httpGet.host` / `tcpSocket.host` must be empty. */
export function checkHostProbes(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  for (const c of input.containers) {
    const handlers: [unknown, JsonPath][] = [];
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) handlers.push([c.container[probe], [...c.path, probe]]);
    const lifecycle = c.container.lifecycle;
    if (isRecord(lifecycle)) {
      for (const hook of ['postStart', 'preStop']) handlers.push([lifecycle[hook], [...c.path, 'lifecycle', hook]]);
    }
    for (const [handler, path] of handlers) {
      if (!isRecord(handler)) continue;
      for (const kind of ['httpGet', 'tcpSocket']) {
        const action = handler[kind];
        if (!isRecord(action) || typeof action.host !== 'string' || action.host === '') continue;
        out.push(
          violation(HOST_PROBES, 'probe or lifecycle host', `container ${q(c.name)} uses probe or lifecycle host ${q(action.host)}`, [...path, kind, 'host'], {
            container: c.name,
          }),
        );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Restricted controls

const VOLUME_TYPES = { check: 'restrictedVolumes', control: 'Volume Types', level: 'restricted' } as const;
/** Volume types: only configMap, csi, downwardAPI, emptyDir, ephemeral, image, PVC, projected, secret. */
export function checkVolumeTypes(input: PodSecurityInput): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  for (const v of volumesOf(input)) {
    const sources = Object.keys(v.volume).filter((k) => k !== 'name' && present(v.volume[k]));
    if (sources.length === 0 || sources.some((k) => RESTRICTED_VOLUME_SOURCES.has(k))) continue;
    out.push(
      violation(VOLUME_TYPES, 'restricted volume types', `volume ${q(v.name)} uses restricted volume type ${q(sources[0])}`, [
        ...input.template.specPath,
        'volumes',
        v.index,
        sources[0],
      ], { part: 'key' }),
    );
  }
  return out;
}

const PRIVILEGE_ESCALATION = { check: 'allowPrivilegeEscalation', control: 'Privilege Escalation', level: 'restricted' } as const;
/** Privilege escalation: every container must set `allowPrivilegeEscalation: false` (Windows pods exempt from 1.25). */
export function checkPrivilegeEscalation(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 25 && isWindowsPod(input)) return [];
  const out: PodSecurityViolation[] = [];
  for (const c of input.containers) {
    const sc = securityContextOf(c.container);
    if (sc?.allowPrivilegeEscalation === false) continue;
    const where = sc && present(sc.allowPrivilegeEscalation) ? { path: [...c.path, 'securityContext', 'allowPrivilegeEscalation'] } : missingAt(c, ['securityContext']);
    out.push(
      violation(
        PRIVILEGE_ESCALATION,
        'allowPrivilegeEscalation != false',
        `container ${q(c.name)} must set securityContext.allowPrivilegeEscalation=false`,
        where.path,
        { part: where.part, container: c.name },
      ),
    );
  }
  return out;
}

const RUN_AS_NON_ROOT = { check: 'runAsNonRoot', control: 'Running as Non-root', level: 'restricted' } as const;
/** Running as non-root: `runAsNonRoot: true` on the pod or every container, and false nowhere. */
export function checkRunAsNonRoot(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 35 && inUserNamespace(input)) return [];
  const out: PodSecurityViolation[] = [];
  const reason = 'runAsNonRoot != true';
  const podSc = podSecurityContext(input);
  const podValue = podSc?.runAsNonRoot;
  if (podSc && present(podValue) && podValue !== true) {
    out.push(violation(RUN_AS_NON_ROOT, reason, 'pod must not set securityContext.runAsNonRoot=false', [...podScPath(input), 'runAsNonRoot']));
  }
  for (const c of input.containers) {
    const sc = securityContextOf(c.container);
    const value = sc?.runAsNonRoot;
    if (present(value)) {
      if (value === true) continue;
      out.push(
        violation(RUN_AS_NON_ROOT, reason, `container ${q(c.name)} must not set securityContext.runAsNonRoot=false`, [...c.path, 'securityContext', 'runAsNonRoot'], {
          container: c.name,
        }),
      );
    } else if (podValue !== true) {
      const where = missingAt(c, ['securityContext']);
      out.push(
        violation(RUN_AS_NON_ROOT, reason, `pod or container ${q(c.name)} must set securityContext.runAsNonRoot=true`, where.path, {
          part: where.part,
          container: c.name,
        }),
      );
    }
  }
  return out;
}

const RUN_AS_USER = { check: 'runAsUser', control: 'Running as Non-root user', level: 'restricted' } as const;
/** Running as non-root user (policy 1.23+): `runAsUser` must not be 0 on the pod or any container. */
export function checkRunAsUser(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 35 && inUserNamespace(input)) return [];
  const out: PodSecurityViolation[] = [];
  const podSc = podSecurityContext(input);
  if (podSc?.runAsUser === 0) {
    out.push(violation(RUN_AS_USER, 'runAsUser=0', 'pod must not set runAsUser=0', [...podScPath(input), 'runAsUser']));
  }
  eachContainerSc(input, (c, sc, scPath) => {
    if (sc.runAsUser === 0) {
      out.push(violation(RUN_AS_USER, 'runAsUser=0', `container ${q(c.name)} must not set runAsUser=0`, [...scPath, 'runAsUser'], { container: c.name }));
    }
  });
  return out;
}

const SECCOMP_RESTRICTED = { check: 'seccompProfile_restricted', control: 'Seccomp', level: 'restricted' } as const;
const validSeccomp = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost';
/** Seccomp (restricted): RuntimeDefault or Localhost, set on the pod or every container (Windows pods exempt from 1.25). */
export function checkSeccompRestricted(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 25 && isWindowsPod(input)) return [];
  const out: PodSecurityViolation[] = [];
  const podSc = podSecurityContext(input);
  let podSet = false;
  if (podSc && isRecord(podSc.seccompProfile)) {
    if (validSeccomp(podSc.seccompProfile.type)) podSet = true;
    else {
      out.push(
        violation(SECCOMP_RESTRICTED, 'seccompProfile', `pod must not set securityContext.seccompProfile.type to ${q(podSc.seccompProfile.type ?? '')}`, [
          ...podScPath(input),
          'seccompProfile',
          'type',
        ]),
      );
    }
  }
  for (const c of input.containers) {
    const sc = securityContextOf(c.container);
    if (sc && isRecord(sc.seccompProfile)) {
      if (validSeccomp(sc.seccompProfile.type)) continue;
      out.push(
        violation(
          SECCOMP_RESTRICTED,
          'seccompProfile',
          `container ${q(c.name)} must not set securityContext.seccompProfile.type to ${q(sc.seccompProfile.type ?? '')}`,
          [...c.path, 'securityContext', 'seccompProfile', 'type'],
          { container: c.name },
        ),
      );
    } else if (!podSet) {
      const where = missingAt(c, ['securityContext']);
      out.push(
        violation(
          SECCOMP_RESTRICTED,
          'seccompProfile',
          `pod or container ${q(c.name)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
          where.path,
          { part: where.part, container: c.name },
        ),
      );
    }
  }
  return out;
}

const CAPABILITIES_RESTRICTED = { check: 'capabilities_restricted', control: 'Capabilities', level: 'restricted' } as const;
/** Capabilities (restricted, 1.22+): drop ALL, add only NET_BIND_SERVICE (Windows pods exempt from 1.25). */
export function checkCapabilitiesRestricted(input: PodSecurityInput): PodSecurityViolation[] {
  if (input.version >= 25 && isWindowsPod(input)) return [];
  const out: PodSecurityViolation[] = [];
  const reason = 'unrestricted capabilities';
  for (const c of input.containers) {
    const sc = securityContextOf(c.container);
    const caps = sc && isRecord(sc.capabilities) ? sc.capabilities : undefined;
    const drop = caps?.drop;
    if (!(Array.isArray(drop) && drop.includes('ALL'))) {
      const where = missingAt(c, ['securityContext', 'capabilities', 'drop']);
      out.push(
        violation(CAPABILITIES_RESTRICTED, reason, `container ${q(c.name)} must set securityContext.capabilities.drop=["ALL"]`, where.path, {
          part: where.part,
          container: c.name,
        }),
      );
    }
    for (const cap of addedCapabilities(c)) {
      if (cap.name === 'NET_BIND_SERVICE') continue;
      out.push(
        violation(CAPABILITIES_RESTRICTED, reason, `container ${q(c.name)} must not include ${q(cap.name)} in securityContext.capabilities.add`, cap.path, {
          container: c.name,
        }),
      );
    }
  }
  return out;
}

const PROC_MOUNT_RESTRICTED = { check: 'procMount_restricted', control: '/proc Mount Type', level: 'restricted' } as const;
/** /proc mount type (restricted, 1.35+): Default only, even in a user namespace. */
export function checkProcMountRestricted(input: PodSecurityInput): PodSecurityViolation[] {
  return procMountViolations(input, PROC_MOUNT_RESTRICTED);
}

// ---------------------------------------------------------------------------------------------
// Registry and evaluation

/** Every control, baseline first, in the order of the Pod Security Standards page. */
export const POD_SECURITY_CONTROLS: readonly PodSecurityControl[] = [
  { ...HOST_PROCESS, since: 0, evaluate: checkHostProcess },
  { ...HOST_NAMESPACES, since: 0, evaluate: checkHostNamespaces },
  { ...PRIVILEGED, since: 0, evaluate: checkPrivileged },
  { ...CAPABILITIES_BASELINE, since: 0, evaluate: checkCapabilitiesBaseline },
  { ...HOST_PATH, since: 0, evaluate: checkHostPathVolumes },
  { ...HOST_PORTS, since: 0, evaluate: checkHostPorts },
  { ...HOST_PROBES, since: 34, evaluate: checkHostProbes },
  { ...APPARMOR, since: 0, evaluate: checkAppArmor },
  { ...SELINUX, since: 0, evaluate: checkSeLinux },
  { ...PROC_MOUNT, since: 0, evaluate: checkProcMount },
  { ...SECCOMP_BASELINE, since: 0, evaluate: checkSeccompBaseline },
  { ...SYSCTLS, since: 0, evaluate: checkSysctls },
  { ...VOLUME_TYPES, since: 0, overrides: ['hostPathVolumes'], evaluate: checkVolumeTypes },
  { ...PRIVILEGE_ESCALATION, since: 8, evaluate: checkPrivilegeEscalation },
  { ...RUN_AS_NON_ROOT, since: 0, evaluate: checkRunAsNonRoot },
  { ...RUN_AS_USER, since: 23, evaluate: checkRunAsUser },
  { ...SECCOMP_RESTRICTED, since: 19, overrides: ['seccompProfile_baseline'], evaluate: checkSeccompRestricted },
  { ...CAPABILITIES_RESTRICTED, since: 22, overrides: ['capabilities_baseline'], evaluate: checkCapabilitiesRestricted },
  { ...PROC_MOUNT_RESTRICTED, since: 35, overrides: ['procMount'], evaluate: checkProcMountRestricted },
];

/**
 * A policy version as a minor number: `latest` (or undefined) → Infinity; `v1.25` / `1.25` → 25;
 * anything else → undefined (admission then evaluates latest).
 */
export function parsePolicyVersion(text: unknown): number | undefined {
  if (text === undefined || text === 'latest') return Number.POSITIVE_INFINITY;
  if (typeof text !== 'string') return undefined;
  const m = /^v?1\.(0|[1-9]\d*)$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The controls a level applies at a policy version (restricted: baseline minus overridden checks, plus its own). */
export function controlsFor(level: PodSecurityLevel, version: number): PodSecurityControl[] {
  const active = POD_SECURITY_CONTROLS.filter((c) => version >= c.since && (level === 'restricted' || c.level === 'baseline'));
  const overridden = new Set(active.flatMap((c) => c.overrides ?? []));
  return active.filter((c) => !overridden.has(c.check));
}

export interface EvaluateOptions {
  /** Policy version: `latest` (default), `v1.N`, `1.N` or a minor number. */
  version?: string | number;
}

/** Every violation of a pod template against a Pod Security level, in control order. */
export function evaluatePodSecurity(template: PodTemplate, level: PodSecurityLevel, options: EvaluateOptions = {}): PodSecurityViolation[] {
  const version =
    typeof options.version === 'number' ? options.version : (parsePolicyVersion(options.version ?? 'latest') ?? Number.POSITIVE_INFINITY);
  const input: PodSecurityInput = { template, containers: containersOf(template), version };
  return controlsFor(level, version).flatMap((c) => c.evaluate(input));
}

/**
 * The admission message for a set of violations, as the API server words it:
 * `violates PodSecurity "restricted:latest": reason (detail; detail), reason (detail)`.
 */
export function formatPodSecurityViolations(violations: readonly PodSecurityViolation[], policy: string): string {
  const byCheck = new Map<string, { reason: string; details: string[] }>();
  for (const v of violations) {
    const entry = byCheck.get(v.check) ?? { reason: v.reason, details: [] };
    if (!entry.details.includes(v.detail)) entry.details.push(v.detail);
    byCheck.set(v.check, entry);
  }
  const parts = [...byCheck.values()].map((e) => (e.details.length ? `${e.reason} (${e.details.join('; ')})` : e.reason));
  return `violates PodSecurity ${q(policy)}: ${parts.join(', ')}`;
}

/** Pod Security Admission is on by default from Kubernetes 1.23 (beta); before, the labels do nothing. */
export const FIRST_ENFORCING_MINOR = 23;

/** The policy a Namespace's labels make admission enforce. */
export interface NamespacePolicy {
  level: PodSecurityLevel;
  /** `restricted:latest`, as admission names the policy in its message. */
  name: string;
  /** Policy minor version to evaluate. */
  version: number;
  /** Why the level differs from the label, when it does. */
  note: string;
  /** True when the version label pins a valid version (not latest). */
  pinned: boolean;
}

/**
 * The policy a Namespace enforces on a cluster of minor version `clusterMinor`, or undefined when
 * it enforces nothing (no label, `privileged`, or a cluster before 1.23). Admission reads an
 * invalid level as restricted and an invalid version as latest; `latest` and a version newer than
 * the cluster mean the cluster's own.
 */
export function namespacePolicy(namespace: { object: { metadata: Record<string, unknown> } }, clusterMinor: number): NamespacePolicy | undefined {
  if (clusterMinor < FIRST_ENFORCING_MINOR) return undefined;
  const labels = namespace.object.metadata.labels;
  if (!isRecord(labels)) return undefined;
  const levelLabel = labels[PSA_ENFORCE_LABEL];
  if (typeof levelLabel !== 'string' || levelLabel === 'privileged') return undefined;
  const valid = levelLabel === 'baseline' || levelLabel === 'restricted';
  const level: PodSecurityLevel = valid ? levelLabel : 'restricted';
  const pinned = parsePolicyVersion(labels[PSA_ENFORCE_VERSION_LABEL]);
  const shownVersion = pinned === undefined || pinned === Number.POSITIVE_INFINITY ? 'latest' : `v1.${pinned}`;
  const version = Math.min(pinned ?? Number.POSITIVE_INFINITY, clusterMinor);
  const note = valid ? '' : ` (the label value "${levelLabel}" is not a level, so admission enforces restricted)`;
  return { level, name: `${level}:${shownVersion}`, version, note, pinned: shownVersion !== 'latest' };
}
