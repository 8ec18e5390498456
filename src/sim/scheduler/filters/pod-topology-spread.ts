/**
 * PodTopologySpread (§3.1 #11, §3.7): for each `whenUnsatisfiable: DoNotSchedule` constraint,
 * placing the pod on the node must keep `count[domain] + selfMatch − globalMin ≤ maxSkew`, where
 * counts cover matching pods (same namespace, labelSelector + matchLabelKeys) on eligible nodes
 * (all topology keys present; nodeAffinityPolicy Honor and nodeTaintsPolicy Ignore by default) and
 * globalMin is 0 while fewer than `minDomains` domains exist.
 * Source: `pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (calPreFilterState,
 * Filter, minMatchNum)`, `common.go (filterTopologySpreadConstraints, matchNodeInclusionPolicies)`.
 */
import { isEmptySelector, matchesSelector, parseLabelSelector, type LabelSelectorRequirement, type Selector } from '../../../k8s/selector.js';
import { isRecord } from '../../../k8s/values.js';
import type { SimNode, SimPod } from '../../model.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';
import type { SchedulingState } from '../state.js';
import { matchesNodeSelectorAndAffinity } from './node-affinity.js';
import { firstUntoleratedTaint, SCHEDULING_EFFECTS, tolerationsOf } from './taint-toleration.js';
import { labelValue } from '../label-value.js';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** null: no labelSelector, which matches no pod. */
  selector: Selector | null;
  /** Defaults to 1. */
  minDomains: number;
  /** Default `Honor`: only nodes passing the pod's nodeSelector/required node affinity count. */
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  /** Default `Ignore`: with `Honor`, nodes with untolerated NoSchedule/NoExecute taints do not count. */
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface PodSpreadConstraints {
  required: SpreadConstraint[];
  soft: SpreadConstraint[];
}

const parsedCache = new WeakMap<SimPod, PodSpreadConstraints>();

function parseConstraint(pod: SimPod, raw: unknown): SpreadConstraint | undefined {
  if (!isRecord(raw) || typeof raw.topologyKey !== 'string' || raw.topologyKey === '') return undefined;
  if (raw.whenUnsatisfiable !== 'DoNotSchedule' && raw.whenUnsatisfiable !== 'ScheduleAnyway') return undefined;
  const maxSkew = typeof raw.maxSkew === 'number' && raw.maxSkew >= 1 ? raw.maxSkew : 1;
  let selector: Selector | null = null;
  if (raw.labelSelector !== undefined && raw.labelSelector !== null) {
    const parsed = parseLabelSelector(raw.labelSelector);
    if (parsed.ok) selector = parsed.selector;
  }
  // matchLabelKeys: the incoming pod's values for these keys are ANDed into the selector.
  const extra: LabelSelectorRequirement[] = [];
  for (const key of Array.isArray(raw.matchLabelKeys) ? raw.matchLabelKeys : []) {
    if (typeof key === 'string' && Object.hasOwn(pod.labels, key)) extra.push({ key, operator: 'In', values: [pod.labels[key]] });
  }
  if (extra.length > 0 && selector !== null) {
    selector = { matchLabels: selector.matchLabels, matchExpressions: [...selector.matchExpressions, ...extra] };
  }
  return {
    maxSkew,
    topologyKey: raw.topologyKey,
    whenUnsatisfiable: raw.whenUnsatisfiable,
    selector,
    minDomains: typeof raw.minDomains === 'number' && raw.minDomains >= 1 ? raw.minDomains : 1,
    nodeAffinityPolicy: raw.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
    nodeTaintsPolicy: raw.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
  };
}

/** The pod's `topologySpreadConstraints`, split by `whenUnsatisfiable`, parsed once per pod. */
export function spreadConstraintsOf(pod: SimPod): PodSpreadConstraints {
  const cached = parsedCache.get(pod);
  if (cached) return cached;
  const out: PodSpreadConstraints = { required: [], soft: [] };
  const list = pod.spec.topologySpreadConstraints;
  for (const raw of Array.isArray(list) ? list : []) {
    const c = parseConstraint(pod, raw);
    if (c) (c.whenUnsatisfiable === 'DoNotSchedule' ? out.required : out.soft).push(c);
  }
  parsedCache.set(pod, out);
  return out;
}

/** `matchNodeInclusionPolicies`: whether the node counts for the constraint. */
export function nodeMatchesInclusionPolicies(c: SpreadConstraint, pod: SimPod, node: SimNode): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesNodeSelectorAndAffinity(pod.spec, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && firstUntoleratedTaint(node.taints, tolerationsOf(pod.spec), SCHEDULING_EFFECTS)) return false;
  return true;
}

/** Whether the node has every topology key of the constraints. */
export function nodeHasAllKeys(node: SimNode, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (labelValue(node.labels, c.topologyKey) === undefined) return false;
  return true;
}

/** Matching placed pods per domain of one constraint, counted over eligible nodes only. */
export function countByDomain(
  c: SpreadConstraint,
  pod: SimPod,
  state: SchedulingState,
  eligible: (node: SimNode) => boolean,
  into: Map<string, number>,
): void {
  // `countPodsMatchSelector`: a nil selector matches nothing and an empty one (`{}`) counts nothing.
  if (c.selector === null || isEmptySelector(c.selector)) return;
  state.forEachPlacedPod(pod.namespace, c.selector, (other) => {
    const name = state.nodeOf(other);
    const node = name === undefined ? undefined : state.node(name);
    if (!node || !eligible(node)) return;
    const value = labelValue(node.labels, c.topologyKey);
    if (value !== undefined && into.has(value)) into.set(value, into.get(value)! + 1);
  });
}

interface Domains {
  nodes: readonly SimNode[];
  /** Per required constraint: nodes that count, and the domains they form. */
  eligible: Set<SimNode>[];
  domains: Set<string>[];
}

interface PreFilterState {
  state: SchedulingState;
  generation: number;
  counts: Map<string, number>[];
  minMatch: number[];
  selfMatch: number[];
}

const domainCache = new WeakMap<SimPod, Domains>();
const preFilterCache = new WeakMap<SimPod, PreFilterState>();

function domainsOf(pod: SimPod, constraints: SpreadConstraint[], state: SchedulingState): Domains {
  const cached = domainCache.get(pod);
  if (cached && cached.nodes === state.nodes) return cached;
  const d: Domains = { nodes: state.nodes, eligible: constraints.map(() => new Set()), domains: constraints.map(() => new Set()) };
  for (const node of state.nodes) {
    if (!nodeHasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeMatchesInclusionPolicies(c, pod, node)) return;
      d.eligible[i].add(node);
      d.domains[i].add(labelValue(node.labels, c.topologyKey)!);
    });
  }
  domainCache.set(pod, d);
  return d;
}

let lastPod: SimPod | undefined;
let last: PreFilterState | undefined;

function preFilterState(pod: SimPod, constraints: SpreadConstraint[], state: SchedulingState): PreFilterState {
  if (lastPod === pod && last && last.state === state && last.generation === state.generation) return last;
  const cached = preFilterCache.get(pod);
  if (cached && cached.state === state && cached.generation === state.generation) {
    lastPod = pod;
    last = cached;
    return cached;
  }
  const d = domainsOf(pod, constraints, state);
  const s: PreFilterState = { state, generation: state.generation, counts: [], minMatch: [], selfMatch: [] };
  constraints.forEach((c, i) => {
    const counts = new Map<string, number>();
    for (const v of d.domains[i]) counts.set(v, 0);
    countByDomain(c, pod, state, (n) => d.eligible[i].has(n), counts);
    let min = Number.MAX_SAFE_INTEGER;
    for (const n of counts.values()) if (n < min) min = n;
    if (counts.size < c.minDomains) min = 0;
    s.counts.push(counts);
    s.minMatch.push(min);
    s.selfMatch.push(c.selector !== null && matchesSelector(c.selector, pod.labels) ? 1 : 0);
  });
  preFilterCache.set(pod, s);
  lastPod = pod;
  last = s;
  return s;
}

const MISSING_LABEL: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
  code: 'UnschedulableAndUnresolvable',
};
const SKEW: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match pod topology spread constraints"],
  code: 'Unschedulable',
};

export const podTopologySpread: SkippableFilter = {
  name: 'PodTopologySpread',
  skip(pod: SimPod): boolean {
    return spreadConstraintsOf(pod).required.length === 0;
  },
  filter(pod: SimPod, node: SimNode, state: SchedulingState): FilterStatus {
    const constraints = spreadConstraintsOf(pod).required;
    if (constraints.length === 0) return FITS;
    const s = preFilterState(pod, constraints, state);
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      const value = labelValue(node.labels, c.topologyKey);
      if (value === undefined) return MISSING_LABEL;
      const skew = (s.counts[i].get(value) ?? 0) + s.selfMatch[i] - s.minMatch[i];
      if (skew > c.maxSkew) return SKEW;
    }
    return FITS;
  },
};
