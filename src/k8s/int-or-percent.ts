/**
 * `IntOrString` fields that hold a count or a percentage (PDB minAvailable/maxUnavailable,
 * rolling-update maxSurge/maxUnavailable). Semantics: `k8s.io/apimachinery/pkg/util/intstr
 * (GetScaledValueFromIntOrPercent)`; validation accepts a non-negative integer or `"<digits>%"`.
 */

export type IntOrPercent = { kind: 'int'; value: number } | { kind: 'percent'; value: number };

/** A non-negative integer or a `"N%"` string; undefined for anything the API server rejects. */
export function parseIntOrPercent(value: unknown): IntOrPercent | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { kind: 'int', value } : undefined;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) return { kind: 'percent', value: Number(value.slice(0, -1)) };
  return undefined;
}

/** The value against a total: integers as they are, percentages scaled and rounded up or down. */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (v.kind === 'int') return v.value;
  const exact = (v.value * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** `2` or `"50%"`, as written, for messages. */
export function formatIntOrPercent(v: IntOrPercent): string {
  return v.kind === 'int' ? String(v.value) : `${v.value}%`;
}
