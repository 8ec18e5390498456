/**
 * The effective security settings of one container: its own `securityContext` merged with the
 * pod's, as the kubelet applies them.
 *
 * Semantics (`k8s.io/api/core/v1` SecurityContext / PodSecurityContext, kubelet
 * `pkg/securitycontext/util.go`, PSA `policy/check_*.go`):
 * - `runAsUser`, `runAsGroup` and `runAsNonRoot` exist on both levels; the container's value wins
 *   when it sets one (a null value counts as unset).
 * - `privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem` and `capabilities` exist on
 *   the container only: a pod-level key of that name is an unknown field that the API server drops
 *   (or rejects in strict mode), so it never applies to a container.
 * - `allowPrivilegeEscalation` defaults to true: `no_new_privs` is set only when it is explicitly
 *   false. Privileged containers and containers that add CAP_SYS_ADMIN can always escalate.
 * - Pods with `spec.os.name: windows` may not set privileged, allowPrivilegeEscalation,
 *   readOnlyRootFilesystem, runAsUser, runAsGroup, procMount or capabilities.
 */
import type { JsonPath } from '../resolver/source-map.js';
import type { ContainerRef, PodTemplate } from './pod-template.js';
import { isRecord } from './values.js';

/** One effective setting: its value (when of the right type) and where it was written. */
export interface SecuritySetting<T> {
  /** The value when it has the expected type; undefined when unset, null or of another type. */
  value: T | undefined;
  /** The value as written (any YAML type); undefined when unset or null. */
  raw: unknown;
  /** Path of the field in the owning object, when it is set (to anything but null). */
  path?: JsonPath;
  /** Which securityContext the value comes from, when it is set. */
  from?: 'container' | 'pod';
}

/** One entry of `capabilities.add` or `capabilities.drop`. */
export interface CapabilityEntry {
  /** As written. */
  raw: string;
  /** Upper case without the `CAP_` prefix (`SYS_ADMIN`), as container runtimes read it. */
  name: string;
  path: JsonPath;
}

export interface EffectiveSecurityContext {
  runAsNonRoot: SecuritySetting<boolean>;
  runAsUser: SecuritySetting<number>;
  runAsGroup: SecuritySetting<number>;
  allowPrivilegeEscalation: SecuritySetting<boolean>;
  readOnlyRootFilesystem: SecuritySetting<boolean>;
  privileged: SecuritySetting<boolean>;
  capabilities: { add: CapabilityEntry[]; drop: CapabilityEntry[] };
}

type Kind = 'boolean' | 'number';

function setting<T>(
  sources: readonly { sc: Record<string, unknown> | undefined; path: JsonPath; from: 'container' | 'pod' }[],
  field: string,
  kind: Kind,
): SecuritySetting<T> {
  for (const s of sources) {
    if (!s.sc) continue;
    const raw = s.sc[field];
    if (raw === undefined || raw === null) continue;
    const typed = kind === 'number' ? typeof raw === 'number' && Number.isFinite(raw) : typeof raw === kind;
    return { value: typed ? (raw as T) : undefined, raw, path: [...s.path, field], from: s.from };
  }
  return { value: undefined, raw: undefined };
}

function capabilityList(caps: unknown, capsPath: JsonPath, field: 'add' | 'drop'): CapabilityEntry[] {
  if (!isRecord(caps)) return [];
  const list = caps[field];
  if (!Array.isArray(list)) return [];
  const out: CapabilityEntry[] = [];
  list.forEach((v, i) => {
    if (typeof v !== 'string') return;
    out.push({ raw: v, name: normalizeCapability(v), path: [...capsPath, field, i] });
  });
  return out;
}

/** `cap_sys_admin` → `SYS_ADMIN`. */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** The container's settings merged with the pod's (container values win). */
export function effectiveSecurityContext(template: PodTemplate, c: ContainerRef): EffectiveSecurityContext {
  const containerPath = [...c.path, 'securityContext'];
  const containerSc = isRecord(c.container.securityContext) ? c.container.securityContext : undefined;
  const podSc = isRecord(template.spec.securityContext) ? template.spec.securityContext : undefined;
  const container = [{ sc: containerSc, path: containerPath, from: 'container' as const }];
  const both = [...container, { sc: podSc, path: [...template.specPath, 'securityContext'], from: 'pod' as const }];
  const caps = containerSc?.capabilities;
  const capsPath = [...containerPath, 'capabilities'];
  return {
    runAsNonRoot: setting<boolean>(both, 'runAsNonRoot', 'boolean'),
    runAsUser: setting<number>(both, 'runAsUser', 'number'),
    runAsGroup: setting<number>(both, 'runAsGroup', 'number'),
    allowPrivilegeEscalation: setting<boolean>(container, 'allowPrivilegeEscalation', 'boolean'),
    readOnlyRootFilesystem: setting<boolean>(container, 'readOnlyRootFilesystem', 'boolean'),
    privileged: setting<boolean>(container, 'privileged', 'boolean'),
    capabilities: { add: capabilityList(caps, capsPath, 'add'), drop: capabilityList(caps, capsPath, 'drop') },
  };
}

/** Pods with `spec.os.name: windows`: Linux-only security fields cannot be set on them. */
export function isWindowsPod(template: PodTemplate): boolean {
  const os = template.spec.os;
  return isRecord(os) && os.name === 'windows';
}

/**
 * Pods with `hostUsers: false` run in a user namespace: UID 0 inside the container maps to an
 * unprivileged UID on the node.
 */
export function usesUserNamespace(template: PodTemplate): boolean {
  return template.spec.hostUsers === false;
}
