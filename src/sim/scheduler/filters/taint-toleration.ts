/**
 * TaintToleration (§3.1 #3, §3.5): a node is filtered when it has a NoSchedule/NoExecute taint the
 * pod does not tolerate; the reason names the first such taint in `node.spec.taints` order.
 * Sources: `kubernetes/api: core/v1/toleration.go (ToleratesTaint)`, `kubernetes/component-helpers:
 * scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint)`,
 * `pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (Filter)`.
 */
import { isRecord } from '../../../k8s/values.js';
import type { SimNode, SimPod, Taint, TaintEffect, Toleration } from '../../model.js';
import { clusterFacts } from '../cluster-facts.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';
import type { SchedulingState } from '../state.js';

const cache = new WeakMap<Record<string, unknown>, Toleration[]>();

function scalar(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** `spec.tolerations` of a pod spec, parsed once per spec object. */
export function tolerationsOf(spec: Record<string, unknown>): Toleration[] {
  const cached = cache.get(spec);
  if (cached) return cached;
  const out: Toleration[] = [];
  if (Array.isArray(spec.tolerations)) {
    for (const raw of spec.tolerations) {
      if (!isRecord(raw)) continue;
      const t: Toleration = {};
      const key = scalar(raw.key);
      if (key !== undefined) t.key = key;
      if (raw.operator === 'Exists' || raw.operator === 'Equal') t.operator = raw.operator;
      else if (raw.operator !== undefined && raw.operator !== null && raw.operator !== '') t.operator = String(raw.operator) as 'Equal';
      const value = scalar(raw.value);
      if (value !== undefined) t.value = value;
      const effect = scalar(raw.effect);
      if (effect !== undefined) t.effect = effect;
      if (typeof raw.tolerationSeconds === 'number') t.tolerationSeconds = raw.tolerationSeconds;
      out.push(t);
    }
  }
  cache.set(spec, out);
  return out;
}

/** `Toleration.ToleratesTaint` (§3.5): effect, key and value/operator all agree. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first taint (in node order) with one of `effects` that no toleration tolerates. */
export function firstUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly TaintEffect[],
): Taint | undefined {
  for (const taint of taints) {
    if (effects.includes(taint.effect) && !tolerates(tolerations, taint)) return taint;
  }
  return undefined;
}

export const SCHEDULING_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'NoExecute'];

/** `node(s) had untolerated taint {<key>: <value>}` (§3.1). */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value}}`;
}

export const taintToleration: SkippableFilter = {
  name: 'TaintToleration',
  skip(_pod: SimPod, state: SchedulingState): boolean {
    return !clusterFacts(state.nodes).anySchedulingTaint;
  },
  filter(pod: SimPod, node: SimNode): FilterStatus {
    if (node.taints.length === 0) return FITS;
    const taint = firstUntoleratedTaint(node.taints, tolerationsOf(pod.spec), SCHEDULING_EFFECTS);
    if (!taint) return FITS;
    return { ok: false, reasons: [untoleratedTaintReason(taint)], code: 'UnschedulableAndUnresolvable' };
  },
};
