/**
 * The replica count a controller works towards: `spec.replicas` (default 1, §4.2–§4.4), or, when a
 * HorizontalPodAutoscaler of the input scales the workload, the HPA's bounds (§4.8).
 */
import { formatRef } from '../../findings.js';
import { findScaleTargets, horizontalPodAutoscalers, scaleTargetRefOf } from '../../k8s/scale-target.js';
import { isRecord } from '../../k8s/values.js';
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';

/** An HPA's replica bounds (§4.8): `minReplicas` default 1, `maxReplicas` required. */
export interface HpaScale {
  hpa: Manifest;
  minReplicas: number;
  /** Undefined when absent or not a whole number (validation reports it). */
  maxReplicas?: number;
  /** Later HPAs of the input that target the same workload (they fight over its replicas). */
  others: Manifest[];
}

/** Scaled workload → the first HPA of the input that targets it. */
export type HpaIndex = ReadonlyMap<Manifest, HpaScale>;

const wholeNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** Indexes every HPA of the input by the object it scales (one pass over the HPAs). */
export function indexHpas(graph: ObjectGraph): HpaIndex {
  const index = new Map<Manifest, HpaScale>();
  for (const hpa of horizontalPodAutoscalers(graph)) {
    const target = scaleTargetRefOf(hpa.object);
    if (!target) continue;
    const spec = hpa.object.spec as Record<string, unknown>;
    const minReplicas = wholeNumber(spec.minReplicas) ?? 1;
    const maxReplicas = wholeNumber(spec.maxReplicas);
    for (const workload of findScaleTargets(graph, hpa.ref.namespace ?? 'default', target)) {
      const existing = index.get(workload);
      if (existing) existing.others.push(hpa);
      else index.set(workload, { hpa, minReplicas, maxReplicas, others: [] });
    }
  }
  return index;
}

export type DesiredReplicas =
  | { ok: true; replicas: number; hpa?: Manifest; notes: string[] }
  | { ok: false; note: string };

/**
 * Desired replicas of a Deployment, ReplicaSet, ReplicationController or StatefulSet:
 * `spec.replicas` (default 1); with an HPA, `spec.replicas` absent → `minReplicas`, else
 * `clamp(spec.replicas, minReplicas, maxReplicas)` (§4.8 SIM). `replicas: 0` disables the HPA
 * ("scaling is disabled since the replica count of the target is zero").
 */
export function desiredReplicas(workload: Manifest, hpas: HpaIndex): DesiredReplicas {
  const spec = isRecord(workload.object.spec) ? workload.object.spec : {};
  const raw = spec.replicas;
  const written = wholeNumber(raw);
  if (raw !== undefined && raw !== null && (written === undefined || written < 0)) {
    return { ok: false, note: `spec.replicas ${JSON.stringify(raw)} is not a non-negative integer: the API server rejects the object, so no pods are created` };
  }
  const scale = hpas.get(workload);
  if (!scale || written === 0) {
    const notes = scale ? [`${hpaName(scale.hpa)} does not scale it: scaling is disabled since the replica count of the target is zero`] : [];
    return { ok: true, replicas: written ?? 1, notes };
  }
  const notes: string[] = [];
  for (const other of scale.others) notes.push(`${hpaName(other)} also targets it; ${hpaName(scale.hpa)} (first in the input) is simulated`);
  if (scale.minReplicas < 0) {
    notes.push(`${hpaName(scale.hpa)} is invalid (minReplicas ${scale.minReplicas} is negative) and is ignored`);
    return { ok: true, replicas: written ?? 1, notes };
  }
  if (scale.maxReplicas !== undefined && scale.maxReplicas < scale.minReplicas) {
    notes.push(`${hpaName(scale.hpa)} is invalid (maxReplicas ${scale.maxReplicas} < minReplicas ${scale.minReplicas}) and is ignored`);
    return { ok: true, replicas: written ?? 1, notes };
  }
  let replicas = written ?? scale.minReplicas;
  replicas = Math.max(replicas, scale.minReplicas);
  if (scale.maxReplicas !== undefined) replicas = Math.min(replicas, scale.maxReplicas);
  notes.push(
    written === undefined
      ? `replicas ${replicas} from ${hpaName(scale.hpa)} (minReplicas)`
      : replicas === written
        ? `replicas ${replicas}, within the bounds of ${hpaName(scale.hpa)}`
        : `replicas ${replicas}: spec.replicas ${written} clamped to ${hpaName(scale.hpa)}'s [${scale.minReplicas}, ${scale.maxReplicas ?? '∞'}]`,
  );
  return { ok: true, replicas, hpa: scale.hpa, notes };
}

const hpaName = (hpa: Manifest): string => formatRef(hpa.ref);
