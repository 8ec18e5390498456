/**
 * Quantities as admission reads them, memoized by their text: every pod of a workload carries the
 * same few values (`500m`, `256Mi`), and parsing them again for each of 10,000 pods costs more
 * than the rest of admission together. Same results as `amountOf` / `parseQuantity` (§1.2).
 */
import { formatQuantity, parseQuantity, quantityMilliValue } from '../../k8s/quantity.js';
import { isRecord } from '../../k8s/values.js';
import type { ResourceList } from '../model.js';
import { amountOf } from '../resources.js';

/** A quantity as the LimitRanger compares it (milli precision) and prints it (canonical form). */
export interface Observed {
  milli: bigint;
  text: string;
}

const MAX_ENTRIES = 50_000;
const amounts = new Map<string, number | undefined>();
const observed = new Map<string, Observed | undefined>();

const keyOf = (raw: unknown): string | undefined => (typeof raw === 'string' ? `s${raw}` : typeof raw === 'number' ? `n${raw}` : undefined);

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** `amountOf`, memoized: cpu in millicores, everything else in units; undefined when unparseable. */
export function memoAmountOf(resource: string, raw: unknown): number | undefined {
  const key = keyOf(raw);
  if (key === undefined) return amountOf(resource, raw);
  const full = `${resource === 'cpu' ? 'c' : 'u'}${key}`;
  return amounts.has(full) ? amounts.get(full) : remember(amounts, full, amountOf(resource, raw));
}

/** `resourceListOf`, memoized per value. */
export function memoResourceListOf(map: unknown): ResourceList {
  const out: ResourceList = {};
  if (!isRecord(map)) return out;
  for (const [name, value] of Object.entries(map)) {
    const amount = memoAmountOf(name, value);
    if (amount !== undefined) out[name] = amount;
  }
  return out;
}

/** A written quantity at milli precision with its canonical text; undefined when unparseable. */
export function memoObserved(raw: unknown): Observed | undefined {
  const key = keyOf(raw);
  if (key !== undefined && observed.has(key)) return observed.get(key);
  const parsed = parseQuantity(raw);
  const value = parsed.ok ? { milli: quantityMilliValue(parsed.quantity), text: formatQuantity(parsed.quantity) } : undefined;
  return key === undefined ? value : remember(observed, key, value);
}
