/**
 * Container probes: which probes a container has, which containers run long enough to need them,
 * and a probe's effective value after the API server's defaulting.
 * Semantics: `pkg/apis/core/v1/defaults.go (SetDefaults_Probe, SetDefaults_HTTPGetAction)` and
 * `pkg/apis/core/validation/validation.go (validateProbe, validateInitContainers)`.
 */
import type { JsonPath } from '../resolver/source-map.js';
import { runsToCompletion, type ContainerRef, type PodTemplate } from './pod-template.js';
import { isRecord } from './values.js';

export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

/** Probe handler fields, in the order the API server checks them. */
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export type ProbeHandler = (typeof PROBE_HANDLERS)[number];

export interface ProbeRef {
  field: ProbeField;
  /** The probe's value as written (any YAML type; null values are left out). */
  probe: unknown;
  /** Path of the probe in the owning object. */
  path: JsonPath;
}

/** The probes a container sets (a key with a null value counts as unset, as in the API). */
export function probesOf(c: ContainerRef): ProbeRef[] {
  const out: ProbeRef[] = [];
  for (const field of PROBE_FIELDS) {
    const probe = c.container[field];
    if (probe === undefined || probe === null) continue;
    out.push({ field, probe, path: [...c.path, field] });
  }
  return out;
}

/** The handlers a probe object sets, in API order (null values count as unset). */
export function handlersOf(probe: Record<string, unknown>): ProbeHandler[] {
  return PROBE_HANDLERS.filter((h) => probe[h] !== undefined && probe[h] !== null);
}

/**
 * Whether a container runs for the pod's lifetime: a regular container or a sidecar init container
 * of a workload that does not run to completion. Only these need liveness and readiness probes.
 */
export function isLongRunningContainer(kind: string, template: PodTemplate, c: ContainerRef): boolean {
  if (runsToCompletion(kind, template)) return false;
  return c.kind === 'container' || c.sidecar;
}

/** Whether a container may carry probes at all (regular init and ephemeral containers may not). */
export function mayHaveProbes(c: ContainerRef): boolean {
  return c.kind === 'container' || c.sidecar;
}

/** `ports[].name → containerPort` of one container (valid entries only). */
export function namedPortsOf(container: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  const ports = container.ports;
  if (!Array.isArray(ports)) return out;
  for (const p of ports) {
    if (!isRecord(p) || typeof p.name !== 'string') continue;
    if (typeof p.containerPort === 'number') out.set(p.name, p.containerPort);
    else if (!out.has(p.name)) out.set(p.name, NaN);
  }
  return out;
}

/** The numeric `containerPort`s one container declares. */
export function containerPortNumbers(container: Record<string, unknown>): Set<number> {
  const out = new Set<number>();
  const ports = container.ports;
  if (!Array.isArray(ports)) return out;
  for (const p of ports) if (isRecord(p) && typeof p.containerPort === 'number') out.add(p.containerPort);
  return out;
}

/**
 * Whether a container's command, args or env values mention a port number as a whole token
 * (`--health-probe-bind-address=:8081`, `PORT=8081`): the application is told to listen there
 * even though the port is not declared under `ports`.
 */
export function mentionsPort(container: Record<string, unknown>, port: number): boolean {
  const token = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  const strings: string[] = [];
  for (const key of ['command', 'args']) {
    const list = container[key];
    if (Array.isArray(list)) for (const s of list) if (typeof s === 'string' || typeof s === 'number') strings.push(String(s));
  }
  if (Array.isArray(container.env))
    for (const e of container.env) {
      const v = isRecord(e) ? e.value : undefined;
      if (typeof v === 'string' || typeof v === 'number') strings.push(String(v));
    }
  return strings.some((s) => token.test(s));
}

const PROBE_DEFAULTS: Record<string, number> = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

/**
 * A probe as the API server stores it: unset (or zero) timing fields take their defaults,
 * `httpGet.path` defaults to `/` and `httpGet.scheme` to `HTTP`, and a named port is replaced by
 * the container port it names when the container declares it. Returns a canonical JSON string so
 * two probes can be compared, or undefined when the probe is not an object.
 */
export function canonicalProbe(probe: unknown, container: Record<string, unknown>): string | undefined {
  if (!isRecord(probe)) return undefined;
  const named = namedPortsOf(container);
  const out: Record<string, unknown> = { ...probe };
  for (const [k, def] of Object.entries(PROBE_DEFAULTS)) {
    const v = out[k];
    // Zero and unset are the same to the API server (SetDefaults_Probe replaces 0).
    if (v === undefined || v === null || v === 0) out[k] = def;
  }
  for (const h of PROBE_HANDLERS) if (out[h] === null) delete out[h];
  if (out.terminationGracePeriodSeconds === null) delete out.terminationGracePeriodSeconds;
  const resolvePort = (port: unknown): unknown => {
    if (typeof port === 'string') {
      const n = named.get(port);
      if (n !== undefined && !Number.isNaN(n)) return n;
    }
    return port;
  };
  if (isRecord(out.httpGet)) {
    const h: Record<string, unknown> = { ...out.httpGet };
    if (h.path === undefined || h.path === null || h.path === '') h.path = '/';
    if (h.scheme === undefined || h.scheme === null || h.scheme === '') h.scheme = 'HTTP';
    if (h.host === '' || h.host === null) delete h.host;
    if (h.httpHeaders === null || (Array.isArray(h.httpHeaders) && h.httpHeaders.length === 0)) delete h.httpHeaders;
    h.port = resolvePort(h.port);
    out.httpGet = h;
  }
  if (isRecord(out.tcpSocket)) {
    const t: Record<string, unknown> = { ...out.tcpSocket };
    if (t.host === '' || t.host === null) delete t.host;
    t.port = resolvePort(t.port);
    out.tcpSocket = t;
  }
  if (isRecord(out.grpc)) {
    const g: Record<string, unknown> = { ...out.grpc };
    if (g.service === '' || g.service === null) delete g.service;
    out.grpc = g;
  }
  return stableStringify(out);
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** What a failing probe does at runtime, as the tail of a finding message. */
export function probeFailureConsequence(field: ProbeField): string {
  switch (field) {
    case 'livenessProbe':
      return 'so the probe fails every time and the kubelet restarts the container over and over';
    case 'readinessProbe':
      return 'so the probe fails every time and the container never becomes Ready (no Service traffic, rollouts stall)';
    case 'startupProbe':
      return 'so the startup probe never succeeds and the kubelet kills and restarts the container over and over';
  }
}
