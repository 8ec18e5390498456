/**
 * A v1 Node object as the scheduler sees it (§3): allocatable resources, labels, taints and the
 * cordon flag. Section numbers (§) refer to ../shared/docs/k8s-semantics.md.
 */
import { parseQuantity } from '../../k8s/quantity.js';
import { labelsOf } from '../../k8s/selector.js';
import { isRecord, typeName } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { ResourceList, SimNode, Taint, TaintEffect } from '../model.js';
import { amountOf } from '../resources.js';

/** Why an object of a cluster description cannot be used, and where. */
export interface ProfileProblem {
  manifest: Manifest;
  path: JsonPath;
  message: string;
}

export function isProfileProblem<T extends object>(value: T | ProfileProblem): value is ProfileProblem {
  return 'message' in value && 'path' in value;
}

/** kubelet's default `maxPods`, the node's `pods` allocatable when the object does not list one (§3.3). */
export const DEFAULT_MAX_PODS = 110;

const TAINT_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * The NoSchedule taints the node lifecycle controller keeps in step with node conditions
 * (TaintNodesByCondition, §3.10): `kubernetes/kubernetes: pkg/controller/nodelifecycle/
 * node_lifecycle_controller.go (nodeConditionToTaintKeyStatusMap)`; keys from `kubernetes/api:
 * core/v1/well_known_taints.go`.
 */
const CONDITION_TAINTS: readonly { type: string; status: string; key: string }[] = [
  { type: 'Ready', status: 'False', key: 'node.kubernetes.io/not-ready' },
  { type: 'Ready', status: 'Unknown', key: 'node.kubernetes.io/unreachable' },
  { type: 'MemoryPressure', status: 'True', key: 'node.kubernetes.io/memory-pressure' },
  { type: 'DiskPressure', status: 'True', key: 'node.kubernetes.io/disk-pressure' },
  { type: 'PIDPressure', status: 'True', key: 'node.kubernetes.io/pid-pressure' },
  { type: 'NetworkUnavailable', status: 'True', key: 'node.kubernetes.io/network-unavailable' },
];

/**
 * Reads a v1 Node:
 * - `status.allocatable`, each resource falling back to `status.capacity` (§3.3: "If a node lists
 *   only capacity, allocatable defaults to capacity"); `cpu` in millicores, the rest in units;
 *   `pods` defaults to 110 (§3.3). A node listing neither is a problem.
 * - `metadata.labels`; `kubernetes.io/hostname` defaults to the node name, as kubelet sets it on
 *   registration (`pkg/kubelet/kubelet_node_status.go (initialNode)`), so hand-written nodes work
 *   with hostname topology keys.
 * - `spec.taints` in order (§3.5: the first untolerated one is reported), an unknown effect is a
 *   problem; plus the condition taints above when the file shows the condition but not the taint.
 * - `spec.unschedulable` (cordoned, §3.1 NodeUnschedulable).
 */
export function nodeFromObject(manifest: Manifest): SimNode | ProfileProblem {
  const object = manifest.object;
  const problem = (path: JsonPath, message: string): ProfileProblem => ({ manifest, path, message });
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return problem(['metadata'], 'Node has no metadata.name.');

  const status = isRecord(object.status) ? object.status : {};
  const allocatable = status.allocatable;
  const capacity = status.capacity;
  if (!isRecord(allocatable) && !isRecord(capacity))
    return problem(['metadata', 'name'], `Node "${name}" has neither status.allocatable nor status.capacity, so the scheduler cannot tell what fits on it.`);
  const resources: ResourceList = {};
  for (const [field, map] of [['capacity', capacity], ['allocatable', allocatable]] as const) {
    if (map === undefined) continue;
    if (!isRecord(map)) return problem(['status', field], `Node "${name}": status.${field} must be a mapping of resource quantities, found ${typeName(map)}.`);
    for (const [resource, value] of Object.entries(map)) {
      const parsed = parseQuantity(value);
      const amount = amountOf(resource, value);
      if (!parsed.ok || amount === undefined)
        return problem(['status', field, resource], `Node "${name}": status.${field}.${resource} ${JSON.stringify(value)} is not a quantity (${parsed.ok ? 'out of range' : parsed.error}).`);
      resources[resource] = amount;
    }
  }
  resources.pods ??= DEFAULT_MAX_PODS;

  const labels = labelsOf(object.metadata.labels);
  labels['kubernetes.io/hostname'] ??= name;

  const spec = isRecord(object.spec) ? object.spec : {};
  const taints: Taint[] = [];
  if (spec.taints !== undefined && spec.taints !== null) {
    if (!Array.isArray(spec.taints)) return problem(['spec', 'taints'], `Node "${name}": spec.taints must be a list, found ${typeName(spec.taints)}.`);
    for (const [i, raw] of spec.taints.entries()) {
      const taint = taintOf(raw);
      if (typeof taint === 'string') return problem(['spec', 'taints', i], `Node "${name}": ${taint}`);
      taints.push(taint);
    }
  }
  for (const key of conditionTaintKeys(status.conditions)) {
    if (!taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ key, value: '', effect: 'NoSchedule' });
  }

  return { name, labels, taints, allocatable: resources, unschedulable: spec.unschedulable === true, manifest };
}

/** A taint, or why it is invalid (the API server's validation, `pkg/apis/core/validation (validateNodeTaints)`). */
function taintOf(raw: unknown): Taint | string {
  if (!isRecord(raw)) return `a taint must be a mapping with key and effect, found ${typeName(raw)}.`;
  const { key, value, effect } = raw;
  if (typeof key !== 'string' || key === '') return 'a taint needs a non-empty key.';
  if (value !== undefined && value !== null && typeof value !== 'string') return `taint "${key}" has a value that is not a string.`;
  if (typeof effect !== 'string' || !(TAINT_EFFECTS as readonly string[]).includes(effect))
    return `taint "${key}" has effect ${JSON.stringify(effect ?? null)}: Unsupported value, supported values: "NoSchedule", "PreferNoSchedule", "NoExecute".`;
  return { key, value: typeof value === 'string' ? value : '', effect: effect as TaintEffect };
}

function conditionTaintKeys(conditions: unknown): string[] {
  if (!Array.isArray(conditions)) return [];
  const keys: string[] = [];
  for (const c of conditions) {
    if (!isRecord(c)) continue;
    const match = CONDITION_TAINTS.find((t) => t.type === c.type && t.status === c.status);
    if (match) keys.push(match.key);
  }
  return keys;
}
