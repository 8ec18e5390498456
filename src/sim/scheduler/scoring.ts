/**
 * Scoring of feasible nodes (§3.11): the default score plugins with their default weights, each
 * normalized to 0–100, summed; the highest total wins and ties go to the node name that sorts first
 * (SIM: the real scheduler breaks ties at random). ImageLocality is not modelled (no image state).
 * Sources: `pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins)`,
 * `noderesources/least_allocated.go`, `noderesources/balanced_allocation.go`,
 * `nodeaffinity/node_affinity.go (Score)`, `tainttoleration/taint_toleration.go (Score)`,
 * `interpodaffinity/scoring.go`, `podtopologyspread/scoring.go`, `framework/plugins/helper/normalize_score.go`.
 */
import { isEmptySelector, parseLabelSelector, selectorFromMap, type Selector } from '../../k8s/selector.js';
import { isRecord } from '../../k8s/values.js';
import type { SimNode, SimPod } from '../model.js';
import { affinityTermsOf, termMatchesPod } from './affinity-term.js';
import { nodeSelectorTermMatches, preferredNodeAffinityOf, requiredNodeAffinityOf } from './filters/node-affinity.js';
import {
  nodeHasAllKeys,
  nodeMatchesInclusionPolicies,
  spreadConstraintsOf,
  type SpreadConstraint,
} from './filters/pod-topology-spread.js';
import { tolerates, tolerationsOf } from './filters/taint-toleration.js';
import { clusterFacts } from './cluster-facts.js';
import { nonZeroRequests } from './non-zero-requests.js';
import type { SchedulingState } from './state.js';
import { labelValue, labelOf } from './label-value.js';

export const MAX_NODE_SCORE = 100;

export const SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const;

export type ScorePluginName = keyof typeof SCORE_WEIGHTS;

/** Normalized (0–100) score of each plugin for each node, aligned with the `nodes` argument. */
export type PluginScores = Record<ScorePluginName, number[]>;

const HOSTNAME = 'kubernetes.io/hostname';

type Scores = number[] | Float64Array;

/** A plugin's normalized scores, or one number when every node gets the same score. */
type PluginResult = number[] | number;

/** `leastRequestedScore` of one resource. */
function leastRequested(requested: number, allocatable: number): number {
  return requested > allocatable ? 0 : Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}

/**
 * NodeResourcesFit with the LeastAllocated strategy over cpu and memory (weights 1), using the
 * non-zero requests; and NodeResourcesBalancedAllocation (`balancedResourceScorer`: 1 − |f_cpu −
 * f_mem| / 2 with the real requests, fractions capped at 1), skipped (0) for best-effort pods.
 * Computed in one pass over the nodes.
 */
function resourceScores(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState, least: Scores, balanced: Scores): void {
  const podNonZero = nonZeroRequests(pod.spec);
  const podCpu = pod.requests.cpu ?? 0;
  const podMemory = pod.requests.memory ?? 0;
  const bestEffort = podCpu === 0 && podMemory === 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const usage = state.usage(node.name);
    const cpu = node.allocatable.cpu ?? 0;
    const memory = node.allocatable.memory ?? 0;
    let sum = 0;
    let weights = 0;
    if (cpu > 0) {
      sum += leastRequested((usage?.nonZero.cpu ?? 0) + podNonZero.cpu, cpu);
      weights++;
    }
    if (memory > 0) {
      sum += leastRequested((usage?.nonZero.memory ?? 0) + podNonZero.memory, memory);
      weights++;
    }
    least[i] = weights === 0 ? 0 : Math.floor(sum / weights);
    let std = 0;
    if (cpu > 0 && memory > 0) {
      const fCpu = Math.min(1, ((usage?.requested.cpu ?? 0) + podCpu) / cpu);
      const fMemory = Math.min(1, ((usage?.requested.memory ?? 0) + podMemory) / memory);
      std = Math.abs((fCpu - fMemory) / 2);
    }
    balanced[i] = bestEffort ? 0 : Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}

/** `helper.DefaultNormalizeScore`. */
function defaultNormalize(scores: number[], reverse: boolean): number[] {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const n = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - n : n;
  });
}

function preferredNodeAffinity(pod: SimPod, nodes: readonly SimNode[]): PluginResult {
  const terms = preferredNodeAffinityOf(pod.spec);
  if (terms.length === 0) return 0;
  const raw = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let sum = 0;
    for (const t of terms) if (nodeSelectorTermMatches(t.term, nodes[i])) sum += t.weight;
    raw[i] = sum;
  }
  return defaultNormalize(raw, false);
}

function preferNoScheduleTaints(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): PluginResult {
  if (!clusterFacts(state.nodes).anyPreferNoScheduleTaint) return MAX_NODE_SCORE;
  const tolerations = tolerationsOf(pod.spec).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const raw = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let n = 0;
    const taints = nodes[i].taints;
    if (taints.length > 0) for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !tolerates(tolerations, taint)) n++;
    raw[i] = n;
  }
  return defaultNormalize(raw, true);
}

/** InterPodAffinity scoring: the pod's preferred terms, and placed pods' terms that match the pod. */
function interPodAffinity(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): PluginResult {
  const topologyScore = new Map<string, Map<string, number>>();
  const add = (key: string, value: string, delta: number): void => {
    let values = topologyScore.get(key);
    if (!values) topologyScore.set(key, (values = new Map()));
    values.set(value, (values.get(value) ?? 0) + delta);
  };
  const terms = affinityTermsOf(pod);
  for (const [list, sign] of [
    [terms.preferredAffinity, 1],
    [terms.preferredAntiAffinity, -1],
  ] as const) {
    for (const t of list) {
      state.forEachPodMatchingTerm(t, (other) => {
        const name = state.nodeOf(other);
        const value = name === undefined ? undefined : labelOf(state.node(name), t.topologyKey);
        if (value !== undefined) add(t.topologyKey, value, sign * t.weight);
      });
    }
  }
  const nsLabels = state.namespaceLabels(pod.namespace);
  for (const group of state.existingScoringTerms()) {
    if (!termMatchesPod(group.term, pod, nsLabels)) continue;
    for (const [value, count] of group.counts) add(group.term.topologyKey, value, group.weight * count);
  }
  if (topologyScore.size === 0) return 0;
  const raw = nodes.map((node) => {
    let score = 0;
    for (const [key, values] of topologyScore) {
      const v = labelValue(node.labels, key);
      if (v !== undefined) score += values.get(v) ?? 0;
    }
    return score;
  });
  const min = Math.min(...raw);
  const diff = Math.max(...raw) - min;
  return raw.map((s) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / diff)) : 0));
}

/** The selector of the pod's controller, for the cluster-default spread constraints (§3.7). */
function ownerSelector(pod: SimPod): Selector | undefined {
  const object = pod.owner.manifest.object;
  const spec = isRecord(object.spec) ? object.spec : {};
  if (object.kind === 'Deployment' || object.kind === 'ReplicaSet' || object.kind === 'StatefulSet') {
    if (!isRecord(spec.selector)) return undefined;
    const parsed = parseLabelSelector(spec.selector);
    return parsed.ok ? parsed.selector : undefined;
  }
  if (object.kind === 'ReplicationController') return selectorFromMap(isRecord(spec.selector) ? spec.selector : pod.labels);
  return undefined;
}

/**
 * Cluster-level default constraints (`hostname` maxSkew 3, `zone` maxSkew 5, ScheduleAnyway), used
 * when the pod has no constraints of its own and a controller selects it. SIM: Services selecting the
 * pod are not considered.
 */
const defaultConstraintsCache = new WeakMap<object, SpreadConstraint[]>();

function defaultConstraints(pod: SimPod): SpreadConstraint[] {
  const owner = pod.owner.manifest.object;
  const cached = owner.kind === 'ReplicationController' ? undefined : defaultConstraintsCache.get(owner);
  if (cached) return cached;
  const selector = ownerSelector(pod);
  let out: SpreadConstraint[] = [];
  if (selector && (Object.keys(selector.matchLabels).length > 0 || selector.matchExpressions.length > 0)) {
    const base = { whenUnsatisfiable: 'ScheduleAnyway', selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' } as const;
    out = [
      { ...base, topologyKey: HOSTNAME, maxSkew: 3 },
      { ...base, topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
    ];
  }
  defaultConstraintsCache.set(owner, out);
  return out;
}

/** PodTopologySpread scoring over ScheduleAnyway constraints (or the cluster defaults). */
function topologySpread(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): PluginResult {
  const own = spreadConstraintsOf(pod);
  const systemDefaulted = own.required.length === 0 && own.soft.length === 0;
  const constraints = systemDefaulted ? defaultConstraints(pod) : own.soft;
  if (constraints.length === 0 || nodes.length === 0) return 0;
  const out = new Array<number>(nodes.length).fill(0);
  // Only non-default constraints require every topology key on a node (`requireAllTopologies`).
  const requireAll = !systemDefaulted;
  const ignored = new Array<boolean>(nodes.length).fill(false);
  let ignoredCount = 0;
  const pairCounts = constraints.map(() => new Map<string, number>());
  // Topology values of each node per constraint, read once.
  const values = constraints.map(() => new Array<string | undefined>(nodes.length));
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (requireAll && !nodeHasAllKeys(node, constraints)) {
      ignored[n] = true;
      ignoredCount++;
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const key = constraints[i].topologyKey;
      if (key === HOSTNAME) continue;
      const value = labelValue(node.labels, key);
      values[i][n] = value;
      const pair = value ?? '';
      if (!pairCounts[i].has(pair)) pairCounts[i].set(pair, 0);
    }
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? nodes.length - ignoredCount : pairCounts[i].size) + 2));
  const perNode = constraints.map(() => new Map<string, number>());
  const required = requiredNodeAffinityOf(pod.spec);
  const noNodeAffinity = required.terms === undefined && Object.keys(required.nodeSelector).length === 0;
  // Constraints sharing a selector (the two defaults) are counted in one pass over the matching pods.
  const bySelector = new Map<Selector, number[]>();
  constraints.forEach((c, i) => {
    // `countPodsMatchSelector`: a nil selector matches nothing and an empty one (`{}`) counts nothing.
    if (c.selector === null || isEmptySelector(c.selector)) return;
    const group = bySelector.get(c.selector);
    if (group) group.push(i);
    else bySelector.set(c.selector, [i]);
  });
  for (const [selector, group] of bySelector) {
    state.forEachPlacedPod(pod.namespace, selector, (other) => {
      const name = state.nodeOf(other);
      const node = name === undefined ? undefined : state.node(name);
      if (!node) return;
      for (const i of group) {
        const c = constraints[i];
        if (c.topologyKey === HOSTNAME) {
          perNode[i].set(node.name, (perNode[i].get(node.name) ?? 0) + 1);
          continue;
        }
        if (requireAll && !nodeHasAllKeys(node, constraints)) continue;
        // Inclusion policies only need checking when they can exclude a node.
        const checkPolicies = (c.nodeAffinityPolicy === 'Honor' && !noNodeAffinity) || c.nodeTaintsPolicy === 'Honor';
        if (checkPolicies && !nodeMatchesInclusionPolicies(c, pod, node)) continue;
        const value = labelValue(node.labels, c.topologyKey) ?? '';
        const count = pairCounts[i].get(value);
        if (count !== undefined) pairCounts[i].set(value, count + 1);
      }
    });
  }
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let n = 0; n < nodes.length; n++) {
    if (ignored[n]) continue;
    const node = nodes[n];
    let score = 0;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      let count: number;
      if (c.topologyKey === HOSTNAME) {
        if (labelValue(node.labels, HOSTNAME) === undefined) continue;
        count = perNode[i].size === 0 ? 0 : (perNode[i].get(node.name) ?? 0);
      } else {
        const value = values[i][n];
        if (value === undefined) continue;
        count = pairCounts[i].get(value) ?? 0;
      }
      score += count * weights[i] + (c.maxSkew - 1);
    }
    out[n] = Math.round(score);
    if (out[n] < min) min = out[n];
    if (out[n] > max) max = out[n];
  }
  for (let n = 0; n < nodes.length; n++) {
    if (ignored[n]) out[n] = 0;
    else out[n] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - out[n])) / max);
  }
  return out;
}

function otherPlugins(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): [ScorePluginName, PluginResult][] {
  return [
    ['TaintToleration', preferNoScheduleTaints(pod, nodes, state)],
    ['NodeAffinity', preferredNodeAffinity(pod, nodes)],
    ['PodTopologySpread', topologySpread(pod, nodes, state)],
    ['InterPodAffinity', interPodAffinity(pod, nodes, state)],
  ];
}

/** Every plugin's normalized score for each feasible node (for explanations). */
export function pluginScores(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): PluginScores {
  const least = new Array<number>(nodes.length);
  const balanced = new Array<number>(nodes.length);
  resourceScores(pod, nodes, state, least, balanced);
  const out = { NodeResourcesFit: least, NodeResourcesBalancedAllocation: balanced } as PluginScores;
  for (const [name, result] of otherPlugins(pod, nodes, state)) {
    out[name] = typeof result === 'number' ? new Array<number>(nodes.length).fill(result) : result;
  }
  return out;
}

/** Σ weight × score per node. */
export function totalScores(pod: SimPod, nodes: readonly SimNode[], state: SchedulingState): Float64Array {
  const totals = new Float64Array(nodes.length);
  const balanced = new Float64Array(nodes.length);
  resourceScores(pod, nodes, state, totals, balanced);
  for (let i = 0; i < totals.length; i++) totals[i] = SCORE_WEIGHTS.NodeResourcesFit * totals[i] + SCORE_WEIGHTS.NodeResourcesBalancedAllocation * balanced[i];
  for (const [name, result] of otherPlugins(pod, nodes, state)) {
    const weight = SCORE_WEIGHTS[name];
    if (typeof result === 'number') {
      if (result !== 0) for (let i = 0; i < totals.length; i++) totals[i] += weight * result;
    } else for (let i = 0; i < totals.length; i++) totals[i] += weight * result[i];
  }
  return totals;
}

/** The feasible node with the highest total score; ties → node name ascending (SIM). */
export function selectNode(pod: SimPod, feasible: readonly SimNode[], state: SchedulingState): SimNode {
  if (feasible.length === 1) return feasible[0];
  const totals = totalScores(pod, feasible, state);
  let best = 0;
  for (let i = 1; i < feasible.length; i++) {
    if (totals[i] > totals[best] || (totals[i] === totals[best] && feasible[i].name < feasible[best].name)) best = i;
  }
  return feasible[best];
}
