/**
 * Quantities as the LimitRanger reads them, memoized by their text: every pod of a workload carries
 * the same few values (`500m`, `256Mi`). Amounts for quotas come from `amountOf` (src/sim/resources.ts),
 * which is memoized the same way.
 */
import { formatQuantity, parseQuantity, quantityMilliValue } from '../../k8s/quantity.js';

/** A quantity as the LimitRanger compares it (milli precision) and prints it (canonical form). */
export interface Observed {
  milli: bigint;
  text: string;
}

const MAX_ENTRIES = 50_000;
const observed = new Map<string, Observed | undefined>();

const keyOf = (raw: unknown): string | undefined => (typeof raw === 'string' ? `s${raw}` : typeof raw === 'number' ? `n${raw}` : undefined);

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** A written quantity at milli precision with its canonical text; undefined when unparseable. */
export function memoObserved(raw: unknown): Observed | undefined {
  const key = keyOf(raw);
  if (key !== undefined && observed.has(key)) return observed.get(key);
  const parsed = parseQuantity(raw);
  const value = parsed.ok ? { milli: quantityMilliValue(parsed.quantity), text: formatQuantity(parsed.quantity) } : undefined;
  return key === undefined ? value : remember(observed, key, value);
}
