/**
 * PodDisruptionBudgets (section 4.9 of docs/k8s-semantics.md): which pods a budget selects and
 * the budget value it sets. Selection: `pkg/controller/disruption/disruption.go (getPodsForPdb)`
 * and the policy/v1beta1 conversion, where an empty selector selects no pods (policy/v1: every pod
 * of the namespace). A missing selector selects no pods in either version.
 */
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { parseIntOrPercent, type IntOrPercent } from './int-or-percent.js';
import { isEmptySelector, parseLabelSelector, type Selector } from './selector.js';
import { isRecord } from './values.js';

export const PDB_GROUP = 'policy';

export type PdbSelection =
  /** Selects no pod: no selector at all, or an empty one in policy/v1beta1. */
  | { kind: 'none'; reason: 'missing' | 'empty-v1beta1' }
  /** `selector: {}` in policy/v1: every pod of the namespace. */
  | { kind: 'all' }
  | { kind: 'selector'; selector: Selector }
  /** Not a valid label selector (reported by schema validation, not here). */
  | { kind: 'invalid' };

/** What the `spec.selector` of a PodDisruptionBudget selects. */
export function pdbSelection(pdb: Manifest): PdbSelection {
  const spec = pdb.object.spec;
  const raw = isRecord(spec) ? spec.selector : undefined;
  if (raw === undefined || raw === null) return { kind: 'none', reason: 'missing' };
  const parsed = parseLabelSelector(raw);
  if (!parsed.ok) return { kind: 'invalid' };
  if (!isEmptySelector(parsed.selector)) return { kind: 'selector', selector: parsed.selector };
  return pdb.ref.version === 'v1beta1' ? { kind: 'none', reason: 'empty-v1beta1' } : { kind: 'all' };
}

export interface PdbBudget {
  field: 'minAvailable' | 'maxUnavailable';
  path: JsonPath;
  value: IntOrPercent;
}

/**
 * The one budget a PDB sets, or undefined when it sets none, both, or a value that is not a
 * non-negative integer or a percentage of at most 100% (the API server rejects those).
 */
export function pdbBudget(pdb: Manifest): PdbBudget | undefined {
  const spec = pdb.object.spec;
  if (!isRecord(spec)) return undefined;
  const present = (['minAvailable', 'maxUnavailable'] as const).filter((f) => spec[f] !== undefined && spec[f] !== null);
  if (present.length !== 1) return undefined;
  const field = present[0];
  const value = parseIntOrPercent(spec[field]);
  if (value === undefined || (value.kind === 'percent' && value.value > 100)) return undefined;
  return { field, path: ['spec', field], value };
}
