/**
 * What the DaemonSet controller changes in the pods it creates (§4.5):
 * - tolerations added by `pkg/controller/daemon/util/daemonset_util.go (AddOrUpdateDaemonPodTolerations)`,
 *   merged like `AddOrUpdateTolerationInPodSpec` (a toleration with the same key, operator, value and
 *   effect is replaced, otherwise the new one is appended);
 * - the node pin of `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required node affinity's terms
 *   become the single term `matchFields metadata.name In [<node>]`.
 */
import { isRecord } from '../../k8s/values.js';
import type { Toleration } from '../model.js';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** The tolerations every DaemonSet pod gets, in the controller's order (§4.5 table). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const tolerations: Toleration[] = [
    { key: NOT_READY, operator: 'Exists', effect: 'NoExecute' },
    { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) tolerations.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return tolerations;
}

/** `Toleration.MatchToleration`: same key, operator, value and effect (missing operator is `Equal`). */
function sameToleration(a: Record<string, unknown>, b: Toleration): boolean {
  const op = (t: { operator?: unknown }) => (t.operator === undefined || t.operator === null || t.operator === '' ? 'Equal' : t.operator);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return str(a.key) === str(b.key) && op(a) === op(b) && str(a.value) === str(b.value) && str(a.effect) === str(b.effect);
}

/** Adds the DaemonSet tolerations to a pod spec (in place, on the pod's own copy). */
export function addDaemonTolerations(spec: Record<string, unknown>): void {
  const tolerations: unknown[] = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
  for (const added of daemonTolerations(spec.hostNetwork === true)) {
    const i = tolerations.findIndex((t) => isRecord(t) && sameToleration(t, added));
    if (i >= 0) tolerations[i] = { ...added };
    else tolerations.push({ ...added });
  }
  spec.tolerations = tolerations;
}

/** Pins the pod to `nodeName` through required node affinity (in place, on the pod's own copy). */
export function pinToNode(spec: Record<string, unknown>, nodeName: string): void {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const affinity = isRecord(spec.affinity) ? spec.affinity : (spec.affinity = {});
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : (affinity.nodeAffinity = {});
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (isRecord(required)) required.nodeSelectorTerms = [term];
  else nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
}
