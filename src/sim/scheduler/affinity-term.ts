/**
 * Pod (anti-)affinity terms (§3.8), parsed once per pod: `labelSelector` (+ `matchLabelKeys` /
 * `mismatchLabelKeys` merged from the owning pod's labels), the namespaces the term looks in
 * (default: the owning pod's namespace; `namespaceSelector: {}` = all) and the `topologyKey`.
 * Source: `pkg/scheduler/framework/types.go (newAffinityTerm, getNamespacesFromPodAffinityTerm,
 * AffinityTerm.Matches)`.
 */
import { matchesSelector, parseLabelSelector, type Labels, type LabelSelectorRequirement, type Selector } from '../../k8s/selector.js';
import { isRecord } from '../../k8s/values.js';
import type { SimPod } from '../model.js';

export interface AffinityTerm {
  /** null for a missing (or invalid) labelSelector: it matches no pod. */
  selector: Selector | null;
  /** Namespaces named by the term (or the owning pod's namespace by default). */
  namespaces: ReadonlySet<string>;
  /** null when absent; an empty selector selects every namespace. */
  namespaceSelector: Selector | null;
  topologyKey: string;
  /** Identity of the term's meaning: equal terms of many replicas share one group in the state. */
  signature: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface PodAffinityTerms {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

const NONE: PodAffinityTerms = { requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] };
const cache = new WeakMap<SimPod, PodAffinityTerms>();

function parseSelector(value: unknown): Selector | null {
  if (value === null || value === undefined) return null;
  const parsed = parseLabelSelector(value);
  return parsed.ok ? parsed.selector : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function parseTerm(pod: SimPod, raw: unknown): AffinityTerm | undefined {
  if (!isRecord(raw) || typeof raw.topologyKey !== 'string' || raw.topologyKey === '') return undefined;
  let selector = parseSelector(raw.labelSelector);
  const extra: LabelSelectorRequirement[] = [];
  for (const key of stringList(raw.matchLabelKeys)) {
    if (Object.hasOwn(pod.labels, key)) extra.push({ key, operator: 'In', values: [pod.labels[key]] });
  }
  for (const key of stringList(raw.mismatchLabelKeys)) {
    if (Object.hasOwn(pod.labels, key)) extra.push({ key, operator: 'NotIn', values: [pod.labels[key]] });
  }
  // `applyMatchLabelKeysAndMismatchLabelKeys` leaves a nil labelSelector alone: it matches no pod.
  if (extra.length > 0 && selector !== null) {
    selector = { matchLabels: selector.matchLabels, matchExpressions: [...selector.matchExpressions, ...extra] };
  }
  const namespaceSelector = parseSelector(raw.namespaceSelector);
  const listed = stringList(raw.namespaces);
  const namespaces = new Set(listed.length === 0 && namespaceSelector === null ? [pod.namespace] : listed);
  const signature = JSON.stringify([selector, [...namespaces].sort(), namespaceSelector, raw.topologyKey]);
  return { selector, namespaces, namespaceSelector, topologyKey: raw.topologyKey, signature };
}

function required(pod: SimPod, section: unknown): AffinityTerm[] {
  if (!isRecord(section) || !Array.isArray(section.requiredDuringSchedulingIgnoredDuringExecution)) return [];
  const out: AffinityTerm[] = [];
  for (const raw of section.requiredDuringSchedulingIgnoredDuringExecution) {
    const term = parseTerm(pod, raw);
    if (term) out.push(term);
  }
  return out;
}

function preferred(pod: SimPod, section: unknown): WeightedAffinityTerm[] {
  if (!isRecord(section) || !Array.isArray(section.preferredDuringSchedulingIgnoredDuringExecution)) return [];
  const out: WeightedAffinityTerm[] = [];
  for (const raw of section.preferredDuringSchedulingIgnoredDuringExecution) {
    if (!isRecord(raw) || typeof raw.weight !== 'number' || raw.weight === 0) continue;
    const term = parseTerm(pod, raw.podAffinityTerm);
    if (term) out.push({ ...term, weight: raw.weight });
  }
  return out;
}

/** The pod's affinity terms, parsed once per pod. */
export function affinityTermsOf(pod: SimPod): PodAffinityTerms {
  const cached = cache.get(pod);
  if (cached) return cached;
  const affinity = pod.spec.affinity;
  let terms = NONE;
  if (isRecord(affinity) && (affinity.podAffinity !== undefined || affinity.podAntiAffinity !== undefined)) {
    terms = {
      requiredAffinity: required(pod, affinity.podAffinity),
      requiredAntiAffinity: required(pod, affinity.podAntiAffinity),
      preferredAffinity: preferred(pod, affinity.podAffinity),
      preferredAntiAffinity: preferred(pod, affinity.podAntiAffinity),
    };
  }
  cache.set(pod, terms);
  return terms;
}

export function hasAnyAffinityTerm(terms: PodAffinityTerms): boolean {
  return (
    terms.requiredAffinity.length + terms.requiredAntiAffinity.length + terms.preferredAffinity.length + terms.preferredAntiAffinity.length > 0
  );
}

/** Whether the term's namespaces include `namespace` (with labels `namespaceLabels`). */
export function termCoversNamespace(term: AffinityTerm, namespace: string, namespaceLabels: Labels): boolean {
  return term.namespaces.has(namespace) || (term.namespaceSelector !== null && matchesSelector(term.namespaceSelector, namespaceLabels));
}

/** `AffinityTerm.Matches`: the pod is in one of the term's namespaces and its labels match. */
export function termMatchesPod(term: AffinityTerm, pod: SimPod, namespaceLabels: Labels): boolean {
  return term.selector !== null && termCoversNamespace(term, pod.namespace, namespaceLabels) && matchesSelector(term.selector, pod.labels);
}
