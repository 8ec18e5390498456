/**
 * The scheduler's view of the cluster (its "cache"/snapshot, §3): the nodes, the pods bound to each,
 * per-node aggregates kept incrementally (requested resources §3.3, non-zero requests for scoring
 * §3.11, host ports §3.6), an index of placed pods by namespace and label (§3.7, §3.8) and the
 * affinity terms of placed pods grouped by meaning, so that the symmetric checks of §3.8 cost one
 * test per distinct term instead of one per pod.
 */
import type { Labels, Selector } from '../../k8s/selector.js';
import type { ResourceList, SimNode, SimPod } from '../model.js';
import { addInto, subtractInto } from '../resources.js';
import { affinityTermsOf, hasAnyAffinityTerm, termCoversNamespace, type AffinityTerm } from './affinity-term.js';
import { hostPortsOf, HostPortUsage } from './host-ports.js';
import { nonZeroRequests, type NonZeroRequests } from './non-zero-requests.js';
import { PlacedPodIndex } from './placed-pod-index.js';
import { labelValue } from './label-value.js';

/** Placed pods sharing one affinity term: how many sit in each value of the term's topology key. */
export interface TermGroup {
  term: AffinityTerm;
  /** Scoring weight, signed (anti-affinity negative); 0 for required anti-affinity groups. */
  weight: number;
  /** Topology value (of the node each pod is on) → number of placed pods with this term. */
  counts: Map<string, number>;
}

export interface SchedulingStateOptions {
  /** Labels of a namespace, for `namespaceSelector` terms; `kubernetes.io/metadata.name` is always added. */
  namespaceLabels?: (namespace: string) => Labels;
}

/** Read-only view of a node's aggregates. */
export interface NodeUsage {
  readonly pods: readonly SimPod[];
  readonly requested: Readonly<ResourceList>;
  readonly nonZero: Readonly<NonZeroRequests>;
}

interface NodeRecord {
  node: SimNode;
  pods: SimPod[];
  requested: ResourceList;
  nonZero: NonZeroRequests;
  ports: HostPortUsage;
}

/** `kube-scheduler`'s hard pod affinity weight for existing pods' required affinity in scoring. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

export class SchedulingState {
  readonly nodes: readonly SimNode[];
  private readonly records: Map<string, NodeRecord>;
  /** Pods counted in this state (non-terminal, bound here) → node name. */
  private readonly placement: Map<SimPod, string>;
  private readonly index: PlacedPodIndex;
  private readonly antiAffinityGroups: Map<string, TermGroup>;
  private readonly scoringGroups: Map<string, TermGroup>;
  private readonly options: SchedulingStateOptions;
  private readonly nsLabelCache = new Map<string, Labels>();
  private gen = 0;

  constructor(nodes: SimNode[], options: SchedulingStateOptions = {}) {
    this.nodes = nodes;
    this.options = options;
    this.records = new Map();
    for (const node of nodes) {
      this.records.set(node.name, { node, pods: [], requested: {}, nonZero: { cpu: 0, memory: 0 }, ports: new HostPortUsage() });
    }
    this.placement = new Map();
    this.index = new PlacedPodIndex();
    this.antiAffinityGroups = new Map();
    this.scoringGroups = new Map();
  }

  /** Changes on every bind/unbind: plugins key their per-pod precomputations on it. */
  get generation(): number {
    return this.gen;
  }

  node(name: string): SimNode | undefined {
    return this.records.get(name)?.node;
  }

  podsOn(nodeName: string): readonly SimPod[] {
    return this.records.get(nodeName)?.pods ?? [];
  }

  /** Sum of the effective requests (§2.2) of the non-terminal pods bound to the node. */
  requested(nodeName: string): Readonly<ResourceList> {
    return this.records.get(nodeName)?.requested ?? {};
  }

  /** Sum of the scoring requests (§3.11, 100m/200Mi defaults) of the pods bound to the node. */
  nonZeroRequested(nodeName: string): Readonly<NonZeroRequests> {
    return this.records.get(nodeName)?.nonZero ?? { cpu: 0, memory: 0 };
  }

  /** The node's aggregates in one lookup (hot path of filters and scoring). */
  usage(nodeName: string): NodeUsage | undefined {
    return this.records.get(nodeName);
  }

  hostPorts(nodeName: string): HostPortUsage | undefined {
    return this.records.get(nodeName)?.ports;
  }

  /** The node a pod is bound to in this state (authoritative in clones, unlike the shared `pod.nodeName`). */
  nodeOf(pod: SimPod): string | undefined {
    return this.placement.get(pod);
  }

  namespaceLabels(namespace: string): Labels {
    let labels = this.nsLabelCache.get(namespace);
    if (!labels) {
      labels = { ...(this.options.namespaceLabels?.(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace };
      this.nsLabelCache.set(namespace, labels);
    }
    return labels;
  }

  /** Placed pods in `namespace` whose labels match `selector` (index lookup, no scan of all pods). */
  forEachPlacedPod(namespace: string, selector: Selector, visit: (pod: SimPod) => void): void {
    this.index.forEachMatching(namespace, selector, visit);
  }

  /** Placed pods an affinity term matches, in every namespace the term covers. */
  forEachPodMatchingTerm(term: AffinityTerm, visit: (pod: SimPod) => void): void {
    if (term.selector === null) return;
    if (term.namespaceSelector === null) {
      for (const ns of term.namespaces) this.index.forEachMatching(ns, term.selector, visit);
      return;
    }
    for (const ns of this.index.namespaces()) {
      if (termCoversNamespace(term, ns, this.namespaceLabels(ns))) this.index.forEachMatching(ns, term.selector, visit);
    }
  }

  /** Required anti-affinity terms of placed pods (for the symmetric check of §3.8). */
  existingAntiAffinityTerms(): IterableIterator<TermGroup> {
    return this.antiAffinityGroups.values();
  }

  /** Terms of placed pods that score an incoming pod (§3.11): required affinity, preferred (anti-)affinity. */
  existingScoringTerms(): IterableIterator<TermGroup> {
    return this.scoringGroups.values();
  }

  bind(pod: SimPod, nodeName: string): void {
    const record = this.records.get(nodeName);
    if (!record) throw new Error(`cannot bind pod ${pod.namespace}/${pod.name}: node "${nodeName}" is not in the cluster`);
    if (this.placement.has(pod)) this.unbind(pod);
    pod.nodeName = nodeName;
    // §3.3: Succeeded/Failed pods are dropped from the scheduler cache and hold nothing.
    if (pod.status.phase === 'Succeeded') return;
    this.placement.set(pod, nodeName);
    this.gen++;
    record.pods.push(pod);
    addInto(record.requested, pod.requests);
    const nz = nonZeroRequests(pod.spec);
    record.nonZero = { cpu: record.nonZero.cpu + nz.cpu, memory: record.nonZero.memory + nz.memory };
    const ports = hostPortsOf(pod.spec);
    if (ports.length > 0) record.ports.add(ports);
    this.index.add(pod);
    this.updateTermGroups(pod, record.node, 1);
  }

  unbind(pod: SimPod): void {
    const nodeName = this.placement.get(pod);
    if (nodeName === undefined) {
      if (pod.nodeName !== undefined && pod.status.phase === 'Succeeded') delete pod.nodeName;
      return;
    }
    const record = this.records.get(nodeName)!;
    this.placement.delete(pod);
    this.gen++;
    delete pod.nodeName;
    const i = record.pods.indexOf(pod);
    if (i >= 0) record.pods.splice(i, 1);
    subtractInto(record.requested, pod.requests);
    for (const [r, v] of Object.entries(record.requested)) if (v === 0) delete record.requested[r];
    const nz = nonZeroRequests(pod.spec);
    record.nonZero = { cpu: record.nonZero.cpu - nz.cpu, memory: record.nonZero.memory - nz.memory };
    const ports = hostPortsOf(pod.spec);
    if (ports.length > 0) record.ports.remove(ports);
    this.index.remove(pod);
    this.updateTermGroups(pod, record.node, -1);
  }

  /** An independent copy for what-if simulations: maps and aggregates are copied, pods are shared. */
  clone(): SchedulingState {
    const copy = Object.create(SchedulingState.prototype) as SchedulingState;
    const records = new Map<string, NodeRecord>();
    for (const [name, r] of this.records) {
      records.set(name, { node: r.node, pods: r.pods.slice(), requested: { ...r.requested }, nonZero: { ...r.nonZero }, ports: r.ports.clone() });
    }
    const fields: Record<string, unknown> = {
      nodes: this.nodes,
      options: this.options,
      records,
      placement: new Map(this.placement),
      index: this.index.clone(),
      antiAffinityGroups: copyGroups(this.antiAffinityGroups),
      scoringGroups: copyGroups(this.scoringGroups),
      nsLabelCache: new Map(this.nsLabelCache),
      gen: this.gen,
    };
    Object.assign(copy, fields);
    return copy;
  }

  private updateTermGroups(pod: SimPod, node: SimNode, delta: 1 | -1): void {
    const terms = affinityTermsOf(pod);
    if (!hasAnyAffinityTerm(terms)) return;
    for (const t of terms.requiredAntiAffinity) adjust(this.antiAffinityGroups, t, 0, node, delta);
    for (const t of terms.requiredAffinity) adjust(this.scoringGroups, t, HARD_POD_AFFINITY_WEIGHT, node, delta);
    for (const t of terms.preferredAffinity) adjust(this.scoringGroups, t, t.weight, node, delta);
    for (const t of terms.preferredAntiAffinity) adjust(this.scoringGroups, t, -t.weight, node, delta);
  }
}

function adjust(groups: Map<string, TermGroup>, term: AffinityTerm, weight: number, node: SimNode, delta: 1 | -1): void {
  const value = labelValue(node.labels, term.topologyKey);
  if (value === undefined) return;
  const key = `${weight}|${term.signature}`;
  let group = groups.get(key);
  if (!group) {
    if (delta < 0) return;
    group = { term, weight, counts: new Map() };
    groups.set(key, group);
  }
  const n = (group.counts.get(value) ?? 0) + delta;
  if (n > 0) group.counts.set(value, n);
  else group.counts.delete(value);
  if (group.counts.size === 0) groups.delete(key);
}

function copyGroups(groups: Map<string, TermGroup>): Map<string, TermGroup> {
  const out = new Map<string, TermGroup>();
  for (const [k, g] of groups) out.set(k, { term: g.term, weight: g.weight, counts: new Map(g.counts) });
  return out;
}
