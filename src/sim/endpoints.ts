/**
 * The EndpointSlice controller (§6.3): a Service with a selector gets the pods of its namespace
 * that match it; the Ready ones serve traffic. Services without a selector (or with `{}`) have no
 * managed endpoints and are left out.
 */
import { selectorFromMap, isEmptySelector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { ObjectGraph } from '../resolver/graph.js';
import { LabelIndex } from '../resolver/label-index.js';
import type { Manifest } from '../resolver/manifest.js';
import type { SimPod } from './model.js';

export interface SimEndpoints {
  service: Manifest;
  namespace: string;
  name: string;
  /** Pods the selector matches that the controllers created (admitted). */
  selected: SimPod[];
  /** The selected pods that are Ready (or all of them with `publishNotReadyAddresses`). */
  ready: SimPod[];
}

export function computeEndpoints(graph: ObjectGraph, pods: readonly SimPod[]): SimEndpoints[] {
  const index = new LabelIndex<SimPod>();
  // Pods admission rejected, and StatefulSet pods OrderedReady never creates, do not exist.
  for (const pod of pods) if (pod.status.phase !== 'Rejected' && pod.status.reason !== 'NotCreated') index.add(pod.namespace, pod.labels, pod);
  const out: SimEndpoints[] = [];
  for (const service of graph.ofKind('Service', '')) {
    const spec = service.object.spec;
    if (!isRecord(spec) || !isRecord(spec.selector) || spec.type === 'ExternalName') continue;
    const selector = selectorFromMap(spec.selector);
    if (isEmptySelector(selector)) continue;
    const namespace = service.ref.namespace ?? 'default';
    const selected = index.query(namespace, selector).filter((p) => p.status.phase !== 'Succeeded');
    const publishAll = spec.publishNotReadyAddresses === true;
    const ready = selected.filter((p) => p.nodeName !== undefined && (publishAll || p.status.ready));
    out.push({ service, namespace, name: service.ref.name, selected, ready });
  }
  return out;
}
