import type { JsonPath } from '../resolver/source-map.js';
import { isRecord, valueAt } from './values.js';

/** Where the pod template of each workload kind lives. A Pod is its own template. */
const TEMPLATE_PATHS: Record<string, JsonPath> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Workload kinds and the API groups they live in (apps, extensions for old manifests, batch, core). */
const WORKLOAD_GROUPS: Record<string, readonly string[]> = {
  Pod: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
};

export interface PodTemplate {
  /** Path of the template (metadata + spec) in the owning object; [] for a Pod. */
  path: JsonPath;
  /** Path of the pod spec. */
  specPath: JsonPath;
  /** Path of the template's metadata. */
  metadataPath: JsonPath;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerRef {
  container: Record<string, unknown>;
  /** Path of the container in the owning object. */
  path: JsonPath;
  kind: ContainerKind;
  name: string;
  /** Init containers with `restartPolicy: Always` run for the pod's lifetime (sidecars). */
  sidecar: boolean;
}

export function isWorkloadKind(group: string, kind: string): boolean {
  return WORKLOAD_GROUPS[kind]?.includes(group) ?? false;
}


/** The pod template of a workload object, or undefined when it has none (or it is malformed). */
export function podTemplateOf(object: { apiVersion?: unknown; kind?: unknown }): PodTemplate | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!isWorkloadKind(group, kind)) return undefined;
  const path = TEMPLATE_PATHS[kind];
  const template = valueAt(object, path);
  if (!isRecord(template)) return undefined;
  const spec = template.spec;
  if (!isRecord(spec)) return undefined;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  return { path, specPath: [...path, 'spec'], metadataPath: [...path, 'metadata'], metadata, spec };
}

/** Every container of a pod spec: init containers first, then containers, then ephemeral ones. */
export function containersOf(template: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  const lists: [string, ContainerKind][] = [
    ['initContainers', 'initContainer'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeralContainer'],
  ];
  for (const [field, kind] of lists) {
    const list = template.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isRecord(c)) return;
      out.push({
        container: c,
        path: [...template.specPath, field, i],
        kind,
        name: typeof c.name === 'string' ? c.name : `#${i}`,
        sidecar: kind === 'initContainer' && c.restartPolicy === 'Always',
      });
    });
  }
  return out;
}

/** Whether pods of this workload are meant to run to completion (Jobs, CronJobs, Pods that never restart). */
export function runsToCompletion(kind: string, template: PodTemplate): boolean {
  if (kind === 'Job' || kind === 'CronJob') return true;
  return kind === 'Pod' && (template.spec.restartPolicy === 'Never' || template.spec.restartPolicy === 'OnFailure');
}
