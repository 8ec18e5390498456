/**
 * Reading Ingress objects of every API version: `networking.k8s.io/v1` (backend.service.name/port,
 * `spec.defaultBackend`, pathType required) and the old `extensions/v1beta1` /
 * `networking.k8s.io/v1beta1` (backend.serviceName/servicePort, `spec.backend`, pathType defaulted
 * to ImplementationSpecific). See section 7 of docs/k8s-semantics.md.
 *
 * Reading is lenient: both field shapes are recognised whatever the apiVersion says, so a manifest
 * half-way through a migration is still understood (schema validation reports the wrong fields).
 * Nothing here throws: malformed parts are skipped or come back as `undefined`.
 */
import type { JsonPath } from '../resolver/source-map.js';
import { isRecord } from './values.js';

/** API groups that serve the Ingress kind. */
export const INGRESS_GROUPS: readonly string[] = ['networking.k8s.io', 'extensions'];

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** A port of a Service backend: a number or a Service port name. */
export type IngressServicePort = { number: number; name?: undefined } | { name: string; number?: undefined };

export interface IngressServiceBackend {
  type: 'service';
  /** JSON path of the backend object (`...backend` or `spec.defaultBackend`). */
  path: JsonPath;
  /** The Service name, undefined when missing or not a string. */
  serviceName: string | undefined;
  /** JSON path of the name value (`service.name` or `serviceName`). */
  serviceNamePath: JsonPath;
  /** The port, undefined when missing or malformed. A string `servicePort` is a port name. */
  port: IngressServicePort | undefined;
  /** JSON path of the port value (`service.port.number`/`.name` or `servicePort`). */
  portPath: JsonPath;
}

export interface IngressResourceBackend {
  type: 'resource';
  path: JsonPath;
  apiGroup: string | undefined;
  kind: string | undefined;
  name: string | undefined;
}

export type IngressBackend = IngressServiceBackend | IngressResourceBackend;

/** One `spec.rules[].http.paths[]` entry. */
export interface IngressRulePath {
  ruleIndex: number;
  pathIndex: number;
  /** JSON path of the paths entry. */
  entryPath: JsonPath;
  /** The rule's host as written ('' when unset or not a string). */
  host: string;
  /** JSON path of the host value, or of the rule when it has no host. */
  hostPath: JsonPath;
  /** The path as written ('' when unset or not a string). */
  path: string;
  /** JSON path of the `path` value, or of the entry when it has none. */
  pathPath: JsonPath;
  /** The pathType as written, undefined when unset or not a string. */
  pathTypeRaw: string | undefined;
  /** The effective pathType: as written, else ImplementationSpecific (the v1beta1 default). */
  pathType: string;
  backend: IngressBackend | undefined;
}

/** A backend with where it is used: the default backend or one rule path. */
export interface IngressBackendUse {
  backend: IngressBackend;
  /** Undefined for the default backend. */
  rulePath: IngressRulePath | undefined;
}

export interface IngressTls {
  index: number;
  path: JsonPath;
  /** Hosts that are strings, with their JSON paths. */
  hosts: { host: string; path: JsonPath }[];
  secretName: string | undefined;
  secretNamePath: JsonPath;
}

export interface IngressClassOf {
  /** The class name, undefined when the Ingress names none. */
  name: string | undefined;
  source: 'ingressClassName' | 'annotation' | 'none';
  /** JSON path of the value that names the class (or of `spec` when none). */
  path: JsonPath;
}

export interface IngressView {
  /** 'v1' for networking.k8s.io/v1; 'v1beta1' for the old APIs. */
  api: 'v1' | 'v1beta1';
  class: IngressClassOf;
  /** `spec.defaultBackend` (v1) or `spec.backend` (v1beta1). */
  defaultBackend: IngressBackend | undefined;
  /** Every rule path, in document order. */
  paths: IngressRulePath[];
  /** The default backend first, then the backend of each rule path, in document order. */
  backends: IngressBackendUse[];
  tls: IngressTls[];
}

/** True for an Ingress of any served API group. */
export function isIngress(group: string, kind: string): boolean {
  return kind === 'Ingress' && INGRESS_GROUPS.includes(group);
}

/** Reads one backend object at `path`; undefined when it is neither a service nor a resource backend. */
export function readIngressBackend(value: unknown, path: JsonPath): IngressBackend | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.resource)) {
    const r = value.resource;
    return {
      type: 'resource',
      path,
      apiGroup: typeof r.apiGroup === 'string' ? r.apiGroup : undefined,
      kind: typeof r.kind === 'string' ? r.kind : undefined,
      name: typeof r.name === 'string' ? r.name : undefined,
    };
  }
  if (isRecord(value.service)) {
    const svc = value.service;
    const servicePath = [...path, 'service'];
    let port: IngressServicePort | undefined;
    let portPath: JsonPath = [...servicePath, 'port'];
    if (isRecord(svc.port)) {
      const { number, name } = svc.port;
      if (typeof number === 'number' && Number.isInteger(number)) {
        port = { number };
        portPath = [...servicePath, 'port', 'number'];
      } else if (typeof name === 'string' && name !== '') {
        port = { name };
        portPath = [...servicePath, 'port', 'name'];
      }
    }
    return {
      type: 'service',
      path,
      serviceName: typeof svc.name === 'string' ? svc.name : undefined,
      serviceNamePath: [...servicePath, 'name'],
      port,
      portPath,
    };
  }
  if ('serviceName' in value || 'servicePort' in value) {
    const sp = value.servicePort;
    let port: IngressServicePort | undefined;
    if (typeof sp === 'number' && Number.isInteger(sp)) port = { number: sp };
    else if (typeof sp === 'string' && sp !== '') port = { name: sp }; // IntOrString: a string is a name
    return {
      type: 'service',
      path,
      serviceName: typeof value.serviceName === 'string' ? value.serviceName : undefined,
      serviceNamePath: [...path, 'serviceName'],
      port,
      portPath: [...path, 'servicePort'],
    };
  }
  return undefined;
}

/** The class an Ingress asks for: `spec.ingressClassName`, else the legacy annotation. */
export function ingressClassOf(object: Record<string, unknown>): IngressClassOf {
  const spec = object.spec;
  if (isRecord(spec) && typeof spec.ingressClassName === 'string' && spec.ingressClassName !== '')
    return { name: spec.ingressClassName, source: 'ingressClassName', path: ['spec', 'ingressClassName'] };
  const meta = object.metadata;
  const annotations = isRecord(meta) ? meta.annotations : undefined;
  if (isRecord(annotations)) {
    const v = annotations[INGRESS_CLASS_ANNOTATION];
    if (typeof v === 'string' && v !== '')
      return { name: v, source: 'annotation', path: ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION] };
  }
  return { name: undefined, source: 'none', path: ['spec'] };
}

/**
 * The name of the default IngressClass among `ingressClasses` (objects of kind IngressClass), when
 * exactly one is annotated `ingressclass.kubernetes.io/is-default-class: "true"`. With several the
 * API server refuses to pick one, so this returns undefined.
 */
export function defaultIngressClassName(ingressClasses: readonly { object: Record<string, unknown> }[]): string | undefined {
  const defaults = ingressClasses.filter(({ object }) => {
    const meta = object.metadata;
    const annotations = isRecord(meta) ? meta.annotations : undefined;
    if (!isRecord(annotations)) return false;
    const v = annotations[DEFAULT_INGRESS_CLASS_ANNOTATION];
    return v === 'true' || v === true;
  });
  if (defaults.length !== 1) return undefined;
  const meta = defaults[0].object.metadata;
  return isRecord(meta) && typeof meta.name === 'string' ? meta.name : undefined;
}

/** Reads an Ingress object; undefined when it has no `spec` mapping. */
export function ingressView(object: Record<string, unknown>): IngressView | undefined {
  const spec = object.spec;
  if (!isRecord(spec)) return undefined;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const api: IngressView['api'] = apiVersion === 'networking.k8s.io/v1' ? 'v1' : 'v1beta1';

  const defaultKey = spec.defaultBackend !== undefined && spec.defaultBackend !== null ? 'defaultBackend' : 'backend';
  const defaultBackend = readIngressBackend(spec[defaultKey], ['spec', defaultKey]);

  const paths: IngressRulePath[] = [];
  if (Array.isArray(spec.rules)) {
    spec.rules.forEach((rule, ruleIndex) => {
      if (!isRecord(rule)) return;
      const rulePath: JsonPath = ['spec', 'rules', ruleIndex];
      const hasHost = typeof rule.host === 'string';
      const host = hasHost ? (rule.host as string) : '';
      const hostPath = hasHost ? [...rulePath, 'host'] : rulePath;
      const http = rule.http;
      if (!isRecord(http) || !Array.isArray(http.paths)) return;
      http.paths.forEach((entry, pathIndex) => {
        if (!isRecord(entry)) return;
        const entryPath: JsonPath = [...rulePath, 'http', 'paths', pathIndex];
        const hasPath = typeof entry.path === 'string';
        const pathTypeRaw = typeof entry.pathType === 'string' ? entry.pathType : undefined;
        paths.push({
          ruleIndex,
          pathIndex,
          entryPath,
          host,
          hostPath,
          path: hasPath ? (entry.path as string) : '',
          pathPath: hasPath ? [...entryPath, 'path'] : entryPath,
          pathTypeRaw,
          pathType: pathTypeRaw ?? 'ImplementationSpecific',
          backend: readIngressBackend(entry.backend, [...entryPath, 'backend']),
        });
      });
    });
  }

  const backends: IngressBackendUse[] = [];
  if (defaultBackend) backends.push({ backend: defaultBackend, rulePath: undefined });
  for (const p of paths) if (p.backend) backends.push({ backend: p.backend, rulePath: p });

  const tls: IngressTls[] = [];
  if (Array.isArray(spec.tls)) {
    spec.tls.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const path: JsonPath = ['spec', 'tls', index];
      const hosts: IngressTls['hosts'] = [];
      if (Array.isArray(entry.hosts))
        entry.hosts.forEach((h, i) => {
          if (typeof h === 'string') hosts.push({ host: h, path: [...path, 'hosts', i] });
        });
      tls.push({
        index,
        path,
        hosts,
        secretName: typeof entry.secretName === 'string' ? entry.secretName : undefined,
        secretNamePath: [...path, 'secretName'],
      });
    });
  }

  return { api, class: ingressClassOf(object), defaultBackend, paths, backends, tls };
}

/** A rule host for comparison: lower case; an empty host (all hosts) becomes '*'. */
export function normalizeIngressHost(host: string): string {
  return host === '' ? '*' : host.toLowerCase();
}

/** A rule path for comparison: an empty ImplementationSpecific path means '/'. */
export function normalizeIngressPath(path: string, pathType: string): string {
  return path === '' && pathType === 'ImplementationSpecific' ? '/' : path;
}

/** A comparable identity of a backend (same string = same backend). */
export function ingressBackendKey(backend: IngressBackend | undefined): string {
  if (!backend) return 'none';
  if (backend.type === 'resource') return `resource:${backend.apiGroup ?? ''}/${backend.kind ?? ''}/${backend.name ?? ''}`;
  const port = backend.port === undefined ? '' : backend.port.number !== undefined ? String(backend.port.number) : `name:${backend.port.name}`;
  return `service:${backend.serviceName ?? ''}:${port}`;
}

/** `Service web port 80`, `Service web port "http"`, `StorageBucket assets` — for messages. */
export function formatIngressBackend(backend: IngressBackend | undefined): string {
  if (!backend) return 'no backend';
  if (backend.type === 'resource') return `${backend.kind ?? 'resource'} ${backend.name ?? '(unnamed)'}`;
  const name = backend.serviceName ?? '(unnamed)';
  if (backend.port === undefined) return `Service ${name}`;
  return backend.port.number !== undefined ? `Service ${name} port ${backend.port.number}` : `Service ${name} port "${backend.port.name}"`;
}
