/**
 * NodeAffinity (§3.1 #4, §3.4): `spec.nodeSelector` (exact label equality) AND
 * `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms` (terms
 * ORed; expressions and fields of a term ANDed; empty or invalid terms match nothing).
 * Sources: `kubernetes/component-helpers: scheduling/corev1/nodeaffinity/nodeaffinity.go
 * (GetRequiredNodeAffinity, nodeSelectorTerm.match)`, `kubernetes/apimachinery: pkg/labels/selector.go
 * (Requirement.Matches)`, `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (PreFilter, Filter)`.
 */
import { labelsOf } from '../../../k8s/selector.js';
import { isRecord } from '../../../k8s/values.js';
import type { SimNode, SimPod } from '../../model.js';
import { FITS, type FilterStatus } from '../framework.js';
import type { SkippableFilter } from '../skippable-filter.js';

type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

interface NodeSelectorRequirement {
  key: string;
  operator: NodeSelectorOperator;
  values: string[];
  /** Gt/Lt: the single value as an integer. */
  bound?: bigint;
}

/** One nodeSelectorTerm; `valid: false` (a parse error) or no requirement at all → matches no node. */
export interface NodeSelectorTerm {
  expressions: NodeSelectorRequirement[];
  /** `metadata.name` In/NotIn with exactly one value. */
  fields: { operator: 'In' | 'NotIn'; value: string }[];
  valid: boolean;
}

export interface RequiredNodeAffinity {
  nodeSelector: Record<string, string>;
  /** undefined when the pod has no required node affinity. */
  terms?: NodeSelectorTerm[];
}

export interface PreferredNodeAffinityTerm {
  weight: number;
  term: NodeSelectorTerm;
}

const INT64 = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 64)`: undefined for a non-integer or a value outside int64. */
function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}
const requiredCache = new WeakMap<Record<string, unknown>, RequiredNodeAffinity>();
const preferredCache = new WeakMap<Record<string, unknown>, PreferredNodeAffinityTerm[]>();

function parseRequirement(raw: unknown): NodeSelectorRequirement | undefined {
  if (!isRecord(raw) || typeof raw.key !== 'string') return undefined;
  const op = raw.operator;
  if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist' && op !== 'Gt' && op !== 'Lt') return undefined;
  const values = Array.isArray(raw.values) ? raw.values.map((v) => String(v)) : [];
  switch (op) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key: raw.key, operator: op, values } : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0 ? { key: raw.key, operator: op, values } : undefined;
    default:
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      if (bound === undefined) return undefined;
      return { key: raw.key, operator: op, values, bound };
  }
}

function parseTerm(raw: unknown): NodeSelectorTerm {
  const term: NodeSelectorTerm = { expressions: [], fields: [], valid: isRecord(raw) };
  if (!isRecord(raw)) return term;
  for (const e of Array.isArray(raw.matchExpressions) ? raw.matchExpressions : []) {
    const req = parseRequirement(e);
    if (req) term.expressions.push(req);
    else term.valid = false;
  }
  for (const f of Array.isArray(raw.matchFields) ? raw.matchFields : []) {
    const values = isRecord(f) && Array.isArray(f.values) ? f.values : [];
    if (isRecord(f) && f.key === 'metadata.name' && (f.operator === 'In' || f.operator === 'NotIn') && values.length === 1) {
      term.fields.push({ operator: f.operator, value: String(values[0]) });
    } else term.valid = false;
  }
  return term;
}

function nodeAffinitySection(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const affinity = spec.affinity;
  return isRecord(affinity) && isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : undefined;
}

/** nodeSelector + required node affinity of a pod spec, parsed once per spec object. */
export function requiredNodeAffinityOf(spec: Record<string, unknown>): RequiredNodeAffinity {
  const cached = requiredCache.get(spec);
  if (cached) return cached;
  const parsed: RequiredNodeAffinity = { nodeSelector: labelsOf(spec.nodeSelector) };
  const required = nodeAffinitySection(spec)?.requiredDuringSchedulingIgnoredDuringExecution;
  if (isRecord(required)) {
    parsed.terms = (Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : []).map(parseTerm);
  }
  requiredCache.set(spec, parsed);
  return parsed;
}

/** Preferred node affinity terms (weights 1–100) for scoring (§3.4, §3.11). */
export function preferredNodeAffinityOf(spec: Record<string, unknown>): PreferredNodeAffinityTerm[] {
  const cached = preferredCache.get(spec);
  if (cached) return cached;
  const out: PreferredNodeAffinityTerm[] = [];
  const preferred = nodeAffinitySection(spec)?.preferredDuringSchedulingIgnoredDuringExecution;
  for (const raw of Array.isArray(preferred) ? preferred : []) {
    if (!isRecord(raw) || typeof raw.weight !== 'number' || raw.weight === 0) continue;
    out.push({ weight: raw.weight, term: parseTerm(raw.preference) });
  }
  preferredCache.set(spec, out);
  return out;
}

function requirementMatches(req: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const v = has ? parseInt64(labels[req.key]) : undefined;
      if (v === undefined) return false;
      return req.operator === 'Gt' ? v > req.bound! : v < req.bound!;
    }
  }
}

/** Whether one nodeSelectorTerm matches the node. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: SimNode): boolean {
  if (!term.valid || (term.expressions.length === 0 && term.fields.length === 0)) return false;
  for (const req of term.expressions) if (!requirementMatches(req, node.labels)) return false;
  for (const f of term.fields) if ((f.value === node.name) !== (f.operator === 'In')) return false;
  return true;
}

/** `RequiredNodeAffinity.Match`: nodeSelector AND (any of the required terms). */
export function matchesRequiredNodeAffinity(affinity: RequiredNodeAffinity, node: SimNode): boolean {
  for (const k in affinity.nodeSelector) if (node.labels[k] !== affinity.nodeSelector[k]) return false;
  if (affinity.terms === undefined) return true;
  for (const term of affinity.terms) if (nodeSelectorTermMatches(term, node)) return true;
  return false;
}

/** Whether a pod spec's nodeSelector and required node affinity allow the node (§3.4). */
export function matchesNodeSelectorAndAffinity(podSpec: Record<string, unknown>, node: SimNode): boolean {
  return matchesRequiredNodeAffinity(requiredNodeAffinityOf(podSpec), node);
}

/**
 * NodeAffinity's PreFilterResult: when every required term pins `metadata.name In [...]`, only those
 * nodes are evaluated (the DaemonSet controller pins its pods this way); an empty set means the terms
 * conflict. undefined = all nodes. Source: `node_affinity.go (PreFilter)`.
 */
export function nodeNamesFromAffinity(spec: Record<string, unknown>): ReadonlySet<string> | undefined {
  const terms = requiredNodeAffinityOf(spec).terms;
  if (terms === undefined) return undefined;
  let names: Set<string> | undefined;
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const f of term.fields) {
      if (f.operator !== 'In') continue;
      if (termNames === undefined) termNames = new Set([f.value]);
      else if (!termNames.has(f.value)) termNames = new Set();
    }
    if (termNames === undefined) return undefined;
    names ??= new Set();
    for (const n of termNames) names.add(n);
  }
  return names;
}

const MISMATCH: FilterStatus = {
  ok: false,
  reasons: ["node(s) didn't match Pod's node affinity/selector"],
  code: 'UnschedulableAndUnresolvable',
};

export const nodeAffinity: SkippableFilter = {
  name: 'NodeAffinity',
  skip(pod: SimPod): boolean {
    const required = requiredNodeAffinityOf(pod.spec);
    return required.terms === undefined && Object.keys(required.nodeSelector).length === 0;
  },
  preFilter(pod: SimPod): string | undefined {
    const names = nodeNamesFromAffinity(pod.spec);
    // `errReasonConflict` of node_affinity.go.
    return names !== undefined && names.size === 0 ? 'pod affinity terms conflict' : undefined;
  },
  filter(pod: SimPod, node: SimNode): FilterStatus {
    return matchesNodeSelectorAndAffinity(pod.spec, node) ? FITS : MISMATCH;
  },
};
