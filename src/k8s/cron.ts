/**
 * The CronJob schedule syntax the API server accepts: the standard 5-field parser of the cron
 * library Kubernetes uses (minute, hour, day of month, month, day of week), with `*` and `?`,
 * lists, ranges, steps, month and weekday names, and the `@` descriptors including `@every`.
 * Mirrors its quirks so drydock rejects exactly what Kubernetes rejects: empty list items are
 * ignored (`1,,2`), anything after `*` in a range is ignored (`*-5`), `?` is allowed in every
 * field, numbers may carry a `+` sign or leading zeros, and an over-large step is fine (`*\/90`).
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

export const CRON_DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'] as const;

/** One parsed field: the values it selects, and whether it was `*` or `?` (star). */
export interface CronField {
  values: Set<number>;
  star: boolean;
  /** Items whose step is larger than the field's range, so they select a single value. */
  oversizedSteps: string[];
}

export type CronParse =
  | { ok: true; descriptor: string; fields?: undefined }
  | { ok: true; descriptor?: undefined; fields: CronField[] }
  | { ok: false; error: string };

/** Parses a schedule as the API server does (`TZ` prefixes are checked by the caller). */
export function parseCronSchedule(spec: string): CronParse {
  if (spec.length === 0) return { ok: false, error: 'the schedule is empty' };
  if (spec.startsWith('@')) {
    if ((CRON_DESCRIPTORS as readonly string[]).includes(spec)) return { ok: true, descriptor: spec };
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      return isGoDuration(duration) ? { ok: true, descriptor: spec } : { ok: false, error: `"${duration}" is not a duration such as 90s, 15m or 1h30m` };
    }
    return { ok: false, error: `"${spec}" is not a known descriptor (${CRON_DESCRIPTORS.join(', ')}, @every <duration>)` };
  }
  const texts = spec.split(/\s+/).filter(Boolean);
  if (texts.length !== 5)
    return { ok: false, error: `it has ${texts.length} field${texts.length === 1 ? '' : 's'} where exactly 5 are needed (minute hour day-of-month month day-of-week)` };
  const fields: CronField[] = [];
  for (let i = 0; i < 5; i++) {
    const field: CronField = { values: new Set(), star: false, oversizedSteps: [] };
    for (const item of texts[i].split(',').filter(Boolean)) {
      const error = addItem(item, FIELDS[i], field);
      if (error) return { ok: false, error: `${FIELDS[i].name} field "${texts[i]}": ${error}` };
    }
    fields.push(field);
  }
  return { ok: true, fields };
}

/** Why a schedule is rejected, or undefined when Kubernetes accepts it. */
export function cronScheduleError(spec: string): string | undefined {
  const parsed = parseCronSchedule(spec);
  return parsed.ok ? undefined : parsed.error;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a 5-field schedule can never fire: a day of month that no selected month has (`30 2`),
 * when the day of week does not widen it (with both restricted, either one matching is enough).
 */
export function cronNeverRuns(fields: readonly CronField[]): boolean {
  const [minute, hour, dom, month, dow] = fields;
  if (minute.values.size === 0 || hour.values.size === 0 || month.values.size === 0) return true;
  const domExists = [...month.values].some((m) => [...dom.values].some((d) => d <= DAYS_IN_MONTH[m - 1]));
  // With `*` in either day field, both must match; with both restricted, either one is enough.
  if (dom.star || dow.star) return dow.values.size === 0 || !domExists;
  return dow.values.size === 0 && !domExists;
}

function addItem(item: string, field: FieldSpec, into: CronField): string | undefined {
  const [range, ...steps] = item.split('/');
  if (steps.length > 1) return `"${item}" has more than one "/"`;
  const bounds = range.split('-');
  let start: number;
  let end: number;
  let star = false;
  if (bounds[0] === '*' || bounds[0] === '?') {
    [start, end, star] = [field.min, field.max, true];
  } else {
    if (bounds.length > 2) return `"${item}" has more than one "-"`;
    const low = valueOf(bounds[0], field);
    if (typeof low === 'string') return low;
    start = end = low;
    if (bounds.length === 2) {
      const high = valueOf(bounds[1], field);
      if (typeof high === 'string') return high;
      end = high;
    }
  }
  let step = 1;
  if (steps.length === 1) {
    const parsed = plainNumber(steps[0]);
    if (typeof parsed === 'string') return parsed;
    if (parsed === 0) return `the step of "${item}" must be a positive number`;
    step = parsed;
    if (bounds.length === 1) end = field.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  }
  if (start < field.min) return `${start} is below the minimum ${field.min}`;
  if (end > field.max) return `${end} is above the maximum ${field.max}`;
  if (start > end) return `the range "${range}" starts after it ends`;
  if (step > field.max - field.min + 1) into.oversizedSteps.push(item);
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
  return undefined;
}

function valueOf(text: string, field: FieldSpec): number | string {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (field.name === 'month' ? 1 : 0);
  return plainNumber(text, field.names !== undefined);
}

/** A non-negative decimal number as Go's strconv.Atoi reads it (optional `+`, leading zeros). */
function plainNumber(text: string, namesAllowed = false): number | string {
  if (!/^\+?\d+$/.test(text)) return `"${text}" is not a number${namesAllowed ? ' or a name' : ''}`;
  const value = BigInt(text.replace(/^\+/, ''));
  return value > 2n ** 63n - 1n ? `"${text}" is out of range` : Number(value);
}

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);
const NS_PER_UNIT: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** Whether Go's time.ParseDuration accepts the text (sign, decimal numbers, each with a unit). */
export function isGoDuration(text: string): boolean {
  let rest = text.replace(/^[+-]/, '');
  if (rest === '0') return true;
  if (rest === '') return false;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '') || m[0] === '') return false;
    const unit = m[3];
    if (!DURATION_UNITS.has(unit)) return false;
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * NS_PER_UNIT[unit];
    rest = rest.slice(m[0].length);
  }
  return total <= 2 ** 63; // beyond that Go reports an overflow
}
