import { isRecord } from './values.js';
/**
 * Label selectors: the one matcher used by rules, the graph and the simulator.
 * Semantics: `k8s.io/apimachinery/pkg/apis/meta/v1 (LabelSelectorAsSelector)` and
 * `pkg/labels (SelectorFromSet)` for Service-style map selectors.
 */

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** A normalised selector. An empty selector (no requirements) matches everything. */
export interface Selector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

export type SelectorParse = { ok: true; selector: Selector } | { ok: false; error: string };

/** Label values as Kubernetes stores them: YAML numbers and booleans in label maps become strings. */
export function labelsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? v : String(v);
  }
  return out;
}

/** Parses a `metav1.LabelSelector` ({matchLabels, matchExpressions}). */
export function parseLabelSelector(value: unknown): SelectorParse {
  if (value === null || value === undefined) return { ok: true, selector: { matchLabels: {}, matchExpressions: [] } };
  if (!isRecord(value)) return { ok: false, error: 'selector must be a mapping' };
  const matchLabels = labelsOf(value.matchLabels);
  const matchExpressions: LabelSelectorRequirement[] = [];
  const exprs = value.matchExpressions;
  if (exprs !== undefined && exprs !== null) {
    if (!Array.isArray(exprs)) return { ok: false, error: 'matchExpressions must be a list' };
    for (const e of exprs) {
      if (!isRecord(e) || typeof e.key !== 'string') return { ok: false, error: 'each matchExpression needs a key' };
      const op = e.operator;
      if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist')
        return { ok: false, error: `"${String(op)}" is not a valid label selector operator` };
      const values = Array.isArray(e.values) ? e.values.map((v) => String(v)) : [];
      if ((op === 'In' || op === 'NotIn') && values.length === 0)
        return { ok: false, error: `operator ${op} needs at least one value` };
      if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0)
        return { ok: false, error: `operator ${op} takes no values` };
      matchExpressions.push({ key: e.key, operator: op, values });
    }
  }
  return { ok: true, selector: { matchLabels, matchExpressions } };
}

/** A Service/ReplicationController style selector: a plain map, ANDed equality. */
export function selectorFromMap(value: unknown): Selector {
  return { matchLabels: labelsOf(value), matchExpressions: [] };
}

export function isEmptySelector(s: Selector): boolean {
  return Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;
}

export function matchesSelector(s: Selector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(s.matchLabels)) if (labels[k] !== v) return false;
  for (const e of s.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !e.values!.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && e.values!.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** `app=web,tier in (a,b)` — for messages. */
export function formatSelector(s: Selector): string {
  const parts = Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${e.values!.join(',')})`);
  }
  return parts.length ? parts.join(',') : '(everything)';
}
