/**
 * StatefulSet controller (§4.4): pods `<sts>-<ordinal>` for ordinals `start..start+replicas−1`, labels
 * `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index`, `controller-revision-hash`;
 * `hostname` = pod name and `subdomain` = `serviceName`; each `volumeClaimTemplates[i]` gives the pod
 * a PVC `<template>-<sts>-<ordinal>` mounted as volume `<template>` (`stateful_set_utils.go
 * (updateStorage, getPersistentVolumeClaimName)`). `podManagementPolicy` is recorded; the
 * orchestrator stops after the first pod that is not Ready under `OrderedReady`.
 */
import { labelsOf } from '../../k8s/selector.js';
import { isRecord, valueAt } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import { templateHash } from '../naming.js';
import { objectName, type ControllerContext } from './context.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { statefulSetStrategy } from './rollout-strategy.js';
import { startReplicated } from './replicated.js';
import type { SimWorkload } from './workload.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

interface ClaimTemplate {
  /** Index in `spec.volumeClaimTemplates`. */
  index: number;
  name: string;
  spec: Record<string, unknown>;
}

function claimTemplatesOf(spec: Record<string, unknown>): ClaimTemplate[] {
  const list = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  const out: ClaimTemplate[] = [];
  list.forEach((t: unknown, index) => {
    if (!isRecord(t) || !isRecord(t.metadata) || typeof t.metadata.name !== 'string' || t.metadata.name === '') return;
    out.push({ index, name: t.metadata.name, spec: isRecord(t.spec) ? t.spec : {} });
  });
  return out;
}

function ordinalStart(spec: Record<string, unknown>): number {
  const ordinals = spec.ordinals;
  const start = isRecord(ordinals) ? ordinals.start : undefined;
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
}

export function reconcileStatefulSet(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const started = startReplicated(manifest, ctx);
  if (!started.ok) return started.workload;
  const { workload, template, spec, replicas } = started;
  workload.podManagementPolicy = spec.podManagementPolicy === 'Parallel' ? 'Parallel' : 'OrderedReady';
  const resolved = statefulSetStrategy(spec, replicas);
  workload.strategy = resolved.strategy;
  workload.notes.push(...resolved.notes);

  const revision = `${workload.name}-${templateHash(valueAt(manifest.object, template.path))}`;
  const serviceName = typeof spec.serviceName === 'string' && spec.serviceName !== '' ? spec.serviceName : undefined;
  const claimTemplates = claimTemplatesOf(spec);
  const templateLabels = labelsOf(template.metadata.labels);
  const start = ordinalStart(spec);
  const reused: string[] = [];
  const defaulted = new DefaultedTemplate(template.spec);
  for (let i = 0; i < replicas; i++) {
    const ordinal = start + i;
    const podName = `${workload.name}-${ordinal}`;
    ctx.names.reserve(workload.namespace, podName);
    const podSpec = defaulted.copy();
    podSpec.hostname = podName;
    if (serviceName !== undefined) podSpec.subdomain = serviceName;
    const claimNames = new Map<string, string>();
    for (const claim of claimTemplates) {
      const claimName = `${claim.name}-${workload.name}-${ordinal}`;
      claimNames.set(claim.name, claimName);
      // An existing PVC with that name is reused, never re-created (§4.4).
      if (ctx.graph.get({ group: '', kind: 'PersistentVolumeClaim', namespace: workload.namespace, name: claimName })) {
        reused.push(claimName);
        continue;
      }
      ctx.claims.push({
        name: claimName,
        namespace: workload.namespace,
        manifest,
        path: ['spec', 'volumeClaimTemplates', claim.index],
        spec: structuredClone(claim.spec),
        phase: 'Pending',
      });
    }
    if (claimNames.size > 0) podSpec.volumes = claimVolumes(podSpec.volumes, claimNames);
    addPod(ctx, workload, {
      manifest,
      template,
      generated: [],
      namespace: workload.namespace,
      name: podName,
      ordinal,
      labels: { ...templateLabels, 'controller-revision-hash': revision, [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(ordinal) },
      spec: podSpec,
      requests: defaulted.requests,
    });
  }
  if (reused.length > 0) {
    workload.notes.push(`reuses the PersistentVolumeClaim${reused.length === 1 ? '' : 's'} ${reused.join(', ')} of the input instead of creating ${reused.length === 1 ? 'it' : 'them'} from ${objectName(manifest)}'s volumeClaimTemplates`);
  }
  return workload;
}

/** `updateStorage`: a PVC volume per claim template first, then the template's other volumes. */
function claimVolumes(volumes: unknown, claimNames: ReadonlyMap<string, string>): unknown[] {
  const out: unknown[] = [...claimNames].map(([name, claimName]) => ({ name, persistentVolumeClaim: { claimName } }));
  for (const v of Array.isArray(volumes) ? volumes : []) {
    if (!(isRecord(v) && typeof v.name === 'string' && claimNames.has(v.name))) out.push(v);
  }
  return out;
}
