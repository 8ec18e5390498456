/**
 * InterPodAffinity (§3.1 #12, §3.8), required terms only. Checks for a candidate node, in the order
 * of the current source (`pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (Filter)`):
 * 1. the pod's required affinity: every term needs a matching pod in the node's domain, unless no pod
 *    anywhere matches all terms and the pod matches them itself (first pod of a self-affine group);
 * 2. the pod's required anti-affinity: no matching pod in the node's domain;
 * 3. existing pods' required anti-affinity (symmetry): no placed pod whose term matches this pod sits
 *    in the node's domain.
 * Counts are keyed by (topologyKey, value) as in `topologyToMatchedTermCount`. The §3.8 list puts the
 * symmetric check first; the source runs it last, which only changes the reason of a node failing both.
 */
import type { SimNode, SimPod } from '../../model.js';
import { affinityTermsOf, termMatchesPod, type AffinityTerm } from '../affinity-term.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';
import type { SchedulingState } from '../state.js';
import { labelValue, labelOf } from '../label-value.js';

interface PreFilterState {
  state: SchedulingState;
  generation: number;
  /** Nothing to check: no required terms and no placed pod's anti-affinity matches this pod. */
  trivial: boolean;
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  /** topologyKey → values where a placed pod's required anti-affinity term matches this pod. */
  existingAnti: Map<string, Set<string>>;
  matchesOwnAffinity: boolean;
}

const cache = new WeakMap<SimPod, PreFilterState>();

const pair = (key: string, value: string): string => `${key}\u0000${value}`;

function nodeOfPod(state: SchedulingState, pod: SimPod): SimNode | undefined {
  const name = state.nodeOf(pod);
  return name === undefined ? undefined : state.node(name);
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function computePreFilter(pod: SimPod, state: SchedulingState): PreFilterState {
  const terms = affinityTermsOf(pod);
  const nsLabels = state.namespaceLabels(pod.namespace);
  const s: PreFilterState = {
    state,
    generation: state.generation,
    trivial: false,
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    existingAnti: new Map(),
    matchesOwnAffinity: false,
  };
  for (const group of state.existingAntiAffinityTerms()) {
    if (!termMatchesPod(group.term, pod, nsLabels)) continue;
    let values = s.existingAnti.get(group.term.topologyKey);
    if (!values) s.existingAnti.set(group.term.topologyKey, (values = new Set()));
    for (const v of group.counts.keys()) values.add(v);
  }
  const affinity = terms.requiredAffinity;
  if (affinity.length > 0) {
    s.matchesOwnAffinity = affinity.every((t) => termMatchesPod(t, pod, nsLabels));
    state.forEachPodMatchingTerm(affinity[0], (other) => {
      const otherNs = state.namespaceLabels(other.namespace);
      if (!affinity.every((t) => termMatchesPod(t, other, otherNs))) return;
      const node = nodeOfPod(state, other);
      if (!node) return;
      for (const t of affinity) {
        const v = labelValue(node.labels, t.topologyKey);
        if (v !== undefined) increment(s.affinityCounts, pair(t.topologyKey, v));
      }
    });
  }
  for (const t of terms.requiredAntiAffinity) {
    state.forEachPodMatchingTerm(t, (other) => {
      const v = labelOf(nodeOfPod(state, other), t.topologyKey);
      if (v !== undefined) increment(s.antiAffinityCounts, pair(t.topologyKey, v));
    });
  }
  s.trivial = affinity.length === 0 && terms.requiredAntiAffinity.length === 0 && s.existingAnti.size === 0;
  return s;
}

let lastPod: SimPod | undefined;
let last: PreFilterState | undefined;

function preFilterState(pod: SimPod, state: SchedulingState): PreFilterState {
  // The filter runs for many nodes in a row with the same pod: check the last answer first.
  if (lastPod === pod && last && last.state === state && last.generation === state.generation) return last;
  let s = cache.get(pod);
  if (!s || s.state !== state || s.generation !== state.generation) {
    s = computePreFilter(pod, state);
    cache.set(pod, s);
  }
  lastPod = pod;
  last = s;
  return s;
}

function satisfiesAffinity(terms: readonly AffinityTerm[], s: PreFilterState, node: SimNode): boolean {
  let podsExist = true;
  for (const t of terms) {
    const v = labelValue(node.labels, t.topologyKey);
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  return podsExist || (s.affinityCounts.size === 0 && s.matchesOwnAffinity);
}

function satisfiesAntiAffinity(terms: readonly AffinityTerm[], s: PreFilterState, node: SimNode): boolean {
  for (const t of terms) {
    const v = labelValue(node.labels, t.topologyKey);
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: PreFilterState, node: SimNode): boolean {
  for (const [key, values] of s.existingAnti) {
    const v = labelValue(node.labels, key);
    if (v !== undefined && values.has(v)) return false;
  }
  return true;
}

const AFFINITY: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match pod affinity rules"],
  code: 'UnschedulableAndUnresolvable',
};
const ANTI_AFFINITY: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match pod anti-affinity rules"],
  code: 'Unschedulable',
};
const EXISTING_ANTI_AFFINITY: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
  code: 'Unschedulable',
};

export const interPodAffinity: SkippableFilter = {
  name: 'InterPodAffinity',
  skip(pod: SimPod, state: SchedulingState): boolean {
    return preFilterState(pod, state).trivial;
  },
  filter(pod: SimPod, node: SimNode, state: SchedulingState): FilterStatus {
    const s = preFilterState(pod, state);
    if (s.trivial) return FITS;
    const terms = affinityTermsOf(pod);
    if (terms.requiredAffinity.length > 0 && !satisfiesAffinity(terms.requiredAffinity, s, node)) return AFFINITY;
    if (!satisfiesAntiAffinity(terms.requiredAntiAffinity, s, node)) return ANTI_AFFINITY;
    if (!satisfiesExistingAntiAffinity(s, node)) return EXISTING_ANTI_AFFINITY;
    return FITS;
  },
};
