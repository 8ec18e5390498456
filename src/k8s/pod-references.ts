/**
 * Everything a pod template references by name, with where each name sits in the owning object:
 * ConfigMaps and Secrets (env `valueFrom`, `envFrom`, volumes, projected volume sources),
 * PersistentVolumeClaims, the ServiceAccount and image pull Secrets. All of them are looked up in
 * the pod's own namespace (Kubernetes has no cross-namespace form for these fields).
 *
 * What happens when one is missing (kubelet, volume plugins and admission; see section 10 of the
 * semantics notes and `kubernetes/kubernetes: pkg/kubelet/kubelet_pods.go`, `pkg/volume/configmap`,
 * `pkg/volume/secret`, `pkg/volume/projected`):
 * - env `configMapKeyRef`/`secretKeyRef` and `envFrom`: the container is not created
 *   (`CreateContainerConfigError`); with `optional: true` the variable(s) are simply absent.
 * - configMap/secret volumes and projected sources: the mount fails (`FailedMount`) and the pod
 *   stays in `ContainerCreating`; with `optional: true` the volume is mounted empty. A volume
 *   `items[].key` missing from the object fails the mount the same way unless optional.
 * - an env key is looked up in a ConfigMap's `data` only (not `binaryData`); a volume item key in
 *   `data` then `binaryData`; a Secret's keys are its `data` (and `stringData`, merged into `data`
 *   by the API server).
 */
import type { JsonPath } from '../resolver/source-map.js';
import { dns1123Subdomain } from './names.js';
import { containersOf, type ContainerRef, type PodTemplate } from './pod-template.js';
import { isRecord } from './values.js';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

/** The field that makes the reference. */
export type ReferenceVia =
  /** `env[].valueFrom.configMapKeyRef` / `secretKeyRef` of a container. */
  | 'env'
  /** `envFrom[].configMapRef` / `secretRef` of a container. */
  | 'envFrom'
  /** `volumes[].configMap` / `volumes[].secret`. */
  | 'volume'
  /** `volumes[].projected.sources[].configMap` / `secret`. */
  | 'projected'
  /** `volumes[].persistentVolumeClaim.claimName`. */
  | 'persistentVolumeClaim'
  /** `serviceAccountName`. */
  | 'serviceAccountName'
  /** The deprecated `serviceAccount` (used when `serviceAccountName` is empty). */
  | 'serviceAccount'
  /** `imagePullSecrets[].name`. */
  | 'imagePullSecret';

export interface ReferencedKey {
  key: string;
  /** Path of the key value in the owning object. */
  path: JsonPath;
}

export interface PodReference {
  kind: ReferencedKind;
  via: ReferenceVia;
  /** The referenced object's name (always a non-empty string). */
  name: string;
  /** Path of the name value in the owning object. */
  namePath: JsonPath;
  /** `optional: true` on the reference: a missing object (or key) is ignored at runtime. */
  optional: boolean;
  /** Keys read from the object (`key` of a key selector, `items[].key` of a volume source). */
  keys: ReferencedKey[];
  /** For env and envFrom references: the container. */
  container?: ContainerRef;
  /** For env references: the variable's name, when it is a string. */
  envName?: string;
  /** For volume, projected and persistentVolumeClaim references: the volume's name ('#i' when unnamed). */
  volumeName?: string;
  /** For volume, projected and persistentVolumeClaim references: path of the volume entry. */
  volumePath?: JsonPath;
}

const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Every reference of a pod template, in document order of the fields: containers (init, regular,
 * ephemeral; env then envFrom), volumes, the ServiceAccount, image pull Secrets. References whose
 * name is missing or not a non-empty string are left out (the API server rejects those, which the
 * schema rule reports). Never throws on malformed input.
 */
export function podReferences(template: PodTemplate, containers: readonly ContainerRef[] = containersOf(template)): PodReference[] {
  const out: PodReference[] = [];
  for (const c of containers) collectContainer(c, out);
  collectVolumes(template, out);
  collectServiceAccount(template, out);
  asList(template.spec.imagePullSecrets).forEach((s, i) => {
    if (!isRecord(s) || !nonEmptyString(s.name)) return;
    out.push({
      kind: 'Secret',
      via: 'imagePullSecret',
      name: s.name,
      namePath: [...template.specPath, 'imagePullSecrets', i, 'name'],
      optional: false,
      keys: [],
    });
  });
  return out;
}

function collectContainer(c: ContainerRef, out: PodReference[]): void {
  asList(c.container.env).forEach((e, i) => {
    if (!isRecord(e) || !isRecord(e.valueFrom)) return;
    const envName = typeof e.name === 'string' ? e.name : undefined;
    for (const [field, kind] of [
      ['configMapKeyRef', 'ConfigMap'],
      ['secretKeyRef', 'Secret'],
    ] as const) {
      const sel = e.valueFrom[field];
      if (!isRecord(sel) || !nonEmptyString(sel.name)) continue;
      const base: JsonPath = [...c.path, 'env', i, 'valueFrom', field];
      out.push({
        kind,
        via: 'env',
        name: sel.name,
        namePath: [...base, 'name'],
        optional: sel.optional === true,
        keys: nonEmptyString(sel.key) ? [{ key: sel.key, path: [...base, 'key'] }] : [],
        container: c,
        envName,
      });
    }
  });
  asList(c.container.envFrom).forEach((e, i) => {
    if (!isRecord(e)) return;
    for (const [field, kind] of [
      ['configMapRef', 'ConfigMap'],
      ['secretRef', 'Secret'],
    ] as const) {
      const src = e[field];
      if (!isRecord(src) || !nonEmptyString(src.name)) continue;
      out.push({
        kind,
        via: 'envFrom',
        name: src.name,
        namePath: [...c.path, 'envFrom', i, field, 'name'],
        optional: src.optional === true,
        keys: [],
        container: c,
      });
    }
  });
}

function itemKeys(items: unknown, base: JsonPath): ReferencedKey[] {
  const keys: ReferencedKey[] = [];
  asList(items).forEach((item, k) => {
    if (isRecord(item) && nonEmptyString(item.key)) keys.push({ key: item.key, path: [...base, 'items', k, 'key'] });
  });
  return keys;
}

function collectVolumes(template: PodTemplate, out: PodReference[]): void {
  asList(template.spec.volumes).forEach((v, i) => {
    if (!isRecord(v)) return;
    const volumePath: JsonPath = [...template.specPath, 'volumes', i];
    const volumeName = typeof v.name === 'string' ? v.name : `#${i}`;
    const volume = { volumeName, volumePath };
    if (isRecord(v.configMap) && nonEmptyString(v.configMap.name)) {
      const base = [...volumePath, 'configMap'];
      out.push({
        kind: 'ConfigMap',
        via: 'volume',
        name: v.configMap.name,
        namePath: [...base, 'name'],
        optional: v.configMap.optional === true,
        keys: itemKeys(v.configMap.items, base),
        ...volume,
      });
    }
    if (isRecord(v.secret) && nonEmptyString(v.secret.secretName)) {
      const base = [...volumePath, 'secret'];
      out.push({
        kind: 'Secret',
        via: 'volume',
        name: v.secret.secretName,
        namePath: [...base, 'secretName'],
        optional: v.secret.optional === true,
        keys: itemKeys(v.secret.items, base),
        ...volume,
      });
    }
    if (isRecord(v.projected)) {
      asList(v.projected.sources).forEach((s, j) => {
        if (!isRecord(s)) return;
        for (const [field, kind] of [
          ['configMap', 'ConfigMap'],
          ['secret', 'Secret'],
        ] as const) {
          const src = s[field];
          if (!isRecord(src) || !nonEmptyString(src.name)) continue;
          const base = [...volumePath, 'projected', 'sources', j, field];
          out.push({
            kind,
            via: 'projected',
            name: src.name,
            namePath: [...base, 'name'],
            optional: src.optional === true,
            keys: itemKeys(src.items, base),
            ...volume,
          });
        }
      });
    }
    if (isRecord(v.persistentVolumeClaim) && nonEmptyString(v.persistentVolumeClaim.claimName)) {
      out.push({
        kind: 'PersistentVolumeClaim',
        via: 'persistentVolumeClaim',
        name: v.persistentVolumeClaim.claimName,
        namePath: [...volumePath, 'persistentVolumeClaim', 'claimName'],
        optional: false,
        keys: [],
        ...volume,
      });
    }
  });
}

/** `serviceAccountName` wins; the deprecated `serviceAccount` is used only when it is empty. */
function collectServiceAccount(template: PodTemplate, out: PodReference[]): void {
  const spec = template.spec;
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const v = spec[field];
    if (nonEmptyString(v)) {
      out.push({ kind: 'ServiceAccount', via: field, name: v, namePath: [...template.specPath, field], optional: false, keys: [] });
      return;
    }
  }
}

/**
 * The subject and verb of a message about a reference, naming the owner as given:
 * `Container "app" of Deployment/ns/web reads env var "DB_URL" from`, `Volume "config" of … mounts`,
 * `Projected volume "all" of … includes`, `Volume "data" of … claims`, `… runs its pods as`,
 * `… pulls images with`. The caller appends the object (`ConfigMap "cfg"`).
 */
export function describeUse(ref: PodReference, owner: string, ownerIsPod = false): string {
  switch (ref.via) {
    case 'env':
      return `Container "${ref.container?.name}" of ${owner} reads env var ${ref.envName !== undefined ? `"${ref.envName}" ` : ''}from`;
    case 'envFrom':
      return `Container "${ref.container?.name}" of ${owner} loads every key (envFrom) of`;
    case 'volume':
      return `Volume "${ref.volumeName}" of ${owner} mounts`;
    case 'projected':
      return `Projected volume "${ref.volumeName}" of ${owner} includes`;
    case 'persistentVolumeClaim':
      return `Volume "${ref.volumeName}" of ${owner} claims`;
    case 'serviceAccountName':
    case 'serviceAccount':
      return `${owner} runs ${ownerIsPod ? '' : 'its pods '}as`;
    case 'imagePullSecret':
      return `${owner} pulls images with`;
  }
}

/** What happens at runtime when a referenced ConfigMap or Secret (or one of its keys) is missing. */
export function missingConfigOutcome(ref: PodReference): string {
  if (ref.via === 'env' || ref.via === 'envFrom') return 'the container cannot start (CreateContainerConfigError)';
  return 'the volume cannot be mounted and the pod stays in ContainerCreating (FailedMount)';
}

/**
 * For a referenced name that no object can have (ConfigMap, Secret, ServiceAccount and claim names
 * are DNS-1123 subdomains), a clause saying so: such names are usually unrendered template
 * placeholders (`$SA_NAME`, `<KSA_NAME>`, `{{ .Values.sa }}`). Empty for valid names.
 */
export function invalidNameNote(name: string): string {
  if (dns1123Subdomain(name).length === 0) return '';
  return /[$<>{}]|^[A-Z0-9_]+$/.test(name) ? ' (not a valid object name: an unrendered template placeholder?)' : ' (not a valid object name)';
}

/** StatefulSet claim templates: the names given to `volumeClaimTemplates[].metadata.name`. */
export function claimTemplateNames(statefulSetSpec: unknown): string[] {
  if (!isRecord(statefulSetSpec)) return [];
  const names: string[] = [];
  for (const t of asList(statefulSetSpec.volumeClaimTemplates)) {
    if (isRecord(t) && isRecord(t.metadata) && nonEmptyString(t.metadata.name)) names.push(t.metadata.name);
  }
  return names;
}

/**
 * Whether `claimName` is one of the PVCs a StatefulSet creates for its pods:
 * `<claim template>-<statefulset>-<ordinal>`. Any ordinal is accepted (replicas change with
 * scaling and autoscalers).
 */
export function isStatefulSetClaimName(claimName: string, statefulSetName: string, templateNames: readonly string[]): boolean {
  for (const t of templateNames) {
    const prefix = `${t}-${statefulSetName}-`;
    if (claimName.startsWith(prefix) && /^(0|[1-9][0-9]*)$/.test(claimName.slice(prefix.length))) return true;
  }
  return false;
}

/** Keys a ConfigMap or Secret object provides, by where they can be read from. */
export interface ProvidedKeys {
  /** Keys visible to env `configMapKeyRef`/`secretKeyRef`. */
  env: Set<string>;
  /** Keys visible to volume `items[].key`. */
  volume: Set<string>;
  /** ConfigMap `binaryData` keys (volume-only), for a hint when an env var asks for one. */
  binaryOnly: Set<string>;
  /** False when a key map has an unexpected type (the schema rule reports it): do not judge keys. */
  wellFormed: boolean;
}

/** Keys the token controller fills in for a `kubernetes.io/service-account-token` Secret. */
const SERVICE_ACCOUNT_TOKEN_KEYS = ['token', 'ca.crt', 'namespace'];

/**
 * Keys of a ConfigMap (`data`, plus `binaryData` for volumes) or a Secret (`data` and `stringData`;
 * plus the keys the token controller adds to service-account-token Secrets).
 */
export function providedKeys(kind: 'ConfigMap' | 'Secret', object: Record<string, unknown>): ProvidedKeys {
  const env = new Set<string>();
  const binaryOnly = new Set<string>();
  let wellFormed = true;
  const add = (map: unknown, into: Set<string>): void => {
    if (map === undefined || map === null) return;
    if (!isRecord(map)) {
      wellFormed = false;
      return;
    }
    for (const k of Object.keys(map)) into.add(k);
  };
  if (kind === 'ConfigMap') {
    add(object.data, env);
    add(object.binaryData, binaryOnly);
  } else {
    add(object.data, env);
    add(object.stringData, env);
    if (object.type === 'kubernetes.io/service-account-token') for (const k of SERVICE_ACCOUNT_TOKEN_KEYS) env.add(k);
  }
  for (const k of env) binaryOnly.delete(k);
  return { env, volume: new Set([...env, ...binaryOnly]), binaryOnly, wellFormed };
}
