/** The shapes every analysis produces and every reporter renders. */

export type Severity = 'error' | 'warning' | 'info';

/** Severity order: a higher number is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A source range, 1-based lines and columns; the end column is exclusive. */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A reference to an object, as Kubernetes identifies it. */
export interface ObjectRef {
  group: string;
  version: string;
  kind: string;
  /** Present for namespaced kinds only (defaulted to the run's namespace). */
  namespace?: string;
  name: string;
}

export interface Location {
  /** Path relative to the working directory, with forward slashes ("<stdin>" for standard input). */
  file: string;
  range: Range;
  ref?: ObjectRef;
  /** For related locations: why this place matters ("the first definition", "the Service"). */
  note?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence; never contains a secret value. */
  message: string;
  location: Location;
  related: Location[];
  /** Stable across runs and line shifts: rule, file, object and JSON path, not line numbers. */
  fingerprint: string;
}

/** `Kind/namespace/name` or `Kind/name` for cluster-scoped objects, as messages name objects. */
export function formatRef(ref: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string {
  return ref.namespace === undefined ? `${ref.kind}/${ref.name}` : `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
  const ra = a.location.range;
  const rb = b.location.range;
  return (
    ra.startLine - rb.startLine ||
    ra.startColumn - rb.startColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
