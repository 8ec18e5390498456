/**
 * `hpa-no-requests` (§4.8): a utilization target needs a request for that resource on every
 * container of the target's pods (sidecars included); otherwise the HPA controller reports
 * `failed to get cpu utilization: missing request for cpu in container <c> of Pod <pod>` and never
 * scales.
 */
import { formatRef } from '../findings.js';
import { findScaleTargets, horizontalPodAutoscalers, scaleTargetRefOf } from '../k8s/scale-target.js';
import { isRecord } from '../k8s/values.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import type { SimWorkload } from './controllers/workload.js';
import type { SimIssue, SimPod } from './model.js';
import { containerRequests } from './resources.js';

interface UtilizationTarget {
  resource: string;
  /** Only this container (a ContainerResource metric), or every container. */
  container?: string;
  path: JsonPath;
}

/** The utilization targets of an HPA of any autoscaling version (default: 80% CPU). */
export function utilizationTargets(hpa: Manifest): UtilizationTarget[] {
  const spec = hpa.object.spec;
  if (!isRecord(spec)) return [];
  if (hpa.ref.version === 'v1') {
    const path = spec.targetCPUUtilizationPercentage !== undefined ? ['spec', 'targetCPUUtilizationPercentage'] : ['metadata', 'name'];
    return [{ resource: 'cpu', path }];
  }
  // SetDefaults_HorizontalPodAutoscaler: no metrics (absent, null or empty) means 80% average CPU.
  if (spec.metrics === undefined) return [{ resource: 'cpu', path: ['metadata', 'name'] }];
  if (spec.metrics === null || (Array.isArray(spec.metrics) && spec.metrics.length === 0)) return [{ resource: 'cpu', path: ['spec', 'metrics'] }];
  if (!Array.isArray(spec.metrics)) return [];
  const out: UtilizationTarget[] = [];
  spec.metrics.forEach((metric, i) => {
    if (!isRecord(metric)) return;
    for (const field of ['resource', 'containerResource'] as const) {
      const source = metric[field];
      if (!isRecord(source) || typeof source.name !== 'string') continue;
      // v2beta1 spells the target `targetAverageUtilization`; v2/v2beta2 use `target.type: Utilization`.
      const target = isRecord(source.target) ? source.target : undefined;
      const utilization = target?.type === 'Utilization' || source.targetAverageUtilization !== undefined;
      if (!utilization) continue;
      const path: JsonPath = target ? ['spec', 'metrics', i, field, 'target'] : ['spec', 'metrics', i, field, 'targetAverageUtilization'];
      out.push({ resource: source.name, container: field === 'containerResource' && typeof source.container === 'string' ? source.container : undefined, path });
    }
  });
  return out;
}

interface Missing {
  container: string;
  path: JsonPath;
}

function missingRequest(pod: SimPod, target: UtilizationTarget): Missing | undefined {
  // calculatePodRequests: regular containers first, then the restartable init containers.
  const lists: [string, boolean][] = [['containers', false], ['initContainers', true]];
  for (const [field, sidecarsOnly] of lists) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const c: unknown = list[i];
      if (!isRecord(c) || (sidecarsOnly && c.restartPolicy !== 'Always')) continue;
      const name = typeof c.name === 'string' ? c.name : `#${i}`;
      if (target.container !== undefined && name !== target.container) continue;
      if (containerRequests(c)[target.resource] !== undefined) continue; // present, even 0 (calculatePodRequests checks presence)
      return { container: name, path: [...pod.template.specPath, field, i, 'resources'] };
    }
  }
  return undefined;
}

export function hpaIssues(graph: ObjectGraph, workloads: readonly SimWorkload[]): SimIssue[] {
  const byManifest = new Map(workloads.map((w) => [w.manifest, w]));
  const out: SimIssue[] = [];
  for (const hpa of horizontalPodAutoscalers(graph)) {
    const ref = scaleTargetRefOf(hpa.object);
    if (!ref) continue;
    for (const target of findScaleTargets(graph, hpa.ref.namespace ?? 'default', ref)) {
      const pod = byManifest.get(target)?.pods[0];
      if (!pod) continue;
      for (const t of utilizationTargets(hpa)) {
        const missing = missingRequest(pod, t);
        if (!missing) continue;
        out.push({
          id: 'hpa-no-requests',
          at: { manifest: hpa, path: t.path },
          message: `${formatRef(hpa.ref)} would never scale: failed to get ${t.resource} utilization: missing request for ${t.resource} in container ${missing.container} of Pod ${pod.name}`,
          related: [{ node: { manifest: target, path: missing.path }, note: `container ${missing.container} of ${formatRef(target.ref)} requests no ${t.resource}` }],
        });
      }
    }
  }
  return out;
}
