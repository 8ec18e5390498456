/**
 * How many pods a replicated workload runs at least: `spec.replicas` (default 1), or, when a
 * HorizontalPodAutoscaler of the input scales it, the HPA's `minReplicas` (default 1), which
 * overrides the static count.
 */
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import { findScaleTargets, horizontalPodAutoscalers, scaleTargetRefOf } from './scale-target.js';
import { isRecord } from './values.js';

/** Kinds whose pods are replicas of one template, spread by the scheduler. */
export const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export interface ReplicaCount {
  count: number;
  /** Where the count comes from: the workload's replicas field, its default, or an HPA. */
  source: 'replicas' | 'default' | 'hpa';
  hpa?: Manifest;
}

/** The minimum replica count of a replicated workload (undefined for other kinds). */
export function minimumReplicas(graph: ObjectGraph, workload: Manifest): ReplicaCount | undefined {
  if (!REPLICATED_KINDS.has(workload.ref.kind)) return undefined;
  const namespace = workload.ref.namespace ?? 'default';
  for (const hpa of horizontalPodAutoscalers(graph)) {
    if ((hpa.ref.namespace ?? 'default') !== namespace) continue;
    const target = scaleTargetRefOf(hpa.object);
    if (!target || !findScaleTargets(graph, namespace, target).includes(workload)) continue;
    const spec = hpa.object.spec as Record<string, unknown>;
    const min = typeof spec.minReplicas === 'number' && Number.isInteger(spec.minReplicas) ? spec.minReplicas : 1;
    return { count: min, source: 'hpa', hpa };
  }
  const spec = workload.object.spec;
  const replicas = isRecord(spec) ? spec.replicas : undefined;
  if (typeof replicas === 'number' && Number.isInteger(replicas)) return { count: replicas, source: 'replicas' };
  return { count: 1, source: 'default' };
}
