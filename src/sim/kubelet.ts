/**
 * What the kubelet does once a pod is on a node (§8, §10): resolve the ConfigMaps, Secrets and
 * keys its containers and volumes read — a missing one keeps the pod from starting — and decide
 * whether the pod becomes Ready.
 */
import { namedPortsOf, probesOf } from '../k8s/probes.js';
import { podReferences, providedKeys, type PodReference, type ReferencedKey } from '../k8s/pod-references.js';
import { containersOf, type PodTemplate } from '../k8s/pod-template.js';
import { isRecord } from '../k8s/values.js';
import type { JsonPath } from '../resolver/source-map.js';
import type { Manifest } from '../resolver/manifest.js';
import type { PresenceLookup } from './presence.js';

export interface StartupProblem {
  /** `CreateContainerConfigError` (env) or `ContainerCreating` (a volume that cannot be mounted). */
  reason: 'CreateContainerConfigError' | 'ContainerCreating';
  /** The kubelet's message (§10). */
  message: string;
  /** The reference in the owner manifest (the name, or the missing key). */
  path: JsonPath;
  /** The ConfigMap/Secret that lacks the key, when it exists. */
  target?: Manifest;
}

/** Why a started pod would never be Ready. */
export interface ReadinessProblem {
  message: string;
  path: JsonPath;
}

/** Problems that keep the pods of `template` (in `namespace`) from starting, in field order. */
export function startupProblems(template: PodTemplate, namespace: string, lookup: PresenceLookup): StartupProblem[] {
  const problems: StartupProblem[] = [];
  for (const ref of podReferences(template)) {
    if (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') continue;
    if (ref.via === 'imagePullSecret') continue; // not fatal by itself (§10)
    if (ref.container?.kind === 'ephemeralContainer') continue;
    const found = lookup(ref.kind, '', namespace, ref.name);
    if (found.state === 'unknown') continue;
    if (found.state === 'absent') {
      if (ref.optional) continue;
      problems.push({ ...outcome(ref, `${ref.kind === 'ConfigMap' ? 'configmap' : 'secret'} "${ref.name}" not found`), path: ref.namePath });
      continue;
    }
    if (ref.optional || ref.keys.length === 0) continue;
    const keys = providedKeys(ref.kind, found.manifest.object);
    if (!keys.wellFormed) continue;
    for (const key of ref.keys) {
      const visible = ref.via === 'env' ? keys.env : new Set([...keys.env, ...keys.volume, ...keys.binaryOnly]);
      if (visible.has(key.key)) continue;
      problems.push({ ...outcome(ref, missingKeyMessage(ref, key, namespace)), path: key.path, target: found.manifest });
    }
  }
  return problems;
}

function outcome(ref: PodReference, cause: string): Omit<StartupProblem, 'path'> {
  if (ref.via === 'env' || ref.via === 'envFrom') {
    return { reason: 'CreateContainerConfigError', message: `container ${ref.container?.name}: CreateContainerConfigError: ${cause}` };
  }
  return { reason: 'ContainerCreating', message: `pod stuck ContainerCreating: MountVolume.SetUp failed for volume "${ref.volumeName}" : ${cause}` };
}

function missingKeyMessage(ref: PodReference, key: ReferencedKey, namespace: string): string {
  if (ref.via === 'env') return `couldn't find key ${key.key} in ${ref.kind} ${namespace}/${ref.name}`;
  return ref.kind === 'ConfigMap' ? `configmap references non-existent config key: ${key.key}` : `references non-existent secret key: ${key.key}`;
}

/**
 * Readiness problems that hold whatever the application does (§8): a readiness probe on a port
 * name the container does not declare fails every time.
 */
export function readinessProblems(template: PodTemplate): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const c of containersOf(template)) {
    if (c.kind === 'ephemeralContainer' || (c.kind === 'initContainer' && !c.sidecar)) continue;
    const named = namedPortsOf(c.container);
    for (const probe of probesOf(c)) {
      if (probe.field !== 'readinessProbe' || !isRecord(probe.probe)) continue;
      for (const handler of ['httpGet', 'tcpSocket'] as const) {
        const action = probe.probe[handler];
        if (!isRecord(action) || typeof action.port !== 'string') continue;
        if (/^[0-9]+$/.test(action.port) || named.has(action.port)) continue;
        problems.push({
          message: `the readiness probe of container "${c.name}" uses port "${action.port}", which the container does not declare, so it fails every time`,
          path: [...probe.path, handler, 'port'],
        });
      }
    }
  }
  return problems;
}
