/**
 * Kubernetes resource quantities (`k8s.io/apimachinery/pkg/api/resource`), see section 1 of
 * docs/k8s-semantics.md.
 *
 * Values are held as exact bigints at nano scale (value × 10^9). Anything finer than one nano is
 * rounded up (away from zero), as ParseQuantity does. Deliberate deviations from Kubernetes:
 *  - a quantity without any digit (`Gi`, `-`, `.`, `e3`) is rejected; Kubernetes parses most of them as 0;
 *  - magnitudes above 2^63-1 are clamped to 2^63-1 for every format (Kubernetes clamps BinarySI only);
 *  - exponents are applied exactly (Kubernetes truncates them to int32); exponents outside int64 are a
 *    suffix error, as in Kubernetes;
 *  - inputs longer than {@link MAX_INPUT_LENGTH} characters are rejected;
 *  - formatQuantity always returns the canonical form (Kubernetes' String() can echo the input, e.g. `+1Ki`).
 */

export interface Quantity {
  /** value × 10^9, exact, rounded away from zero at nano scale */
  readonly nanos: bigint;
  readonly text: string;
  readonly format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

type Format = Quantity['format'];

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_SUFFIX = "unable to parse quantity's suffix";
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';

/** Inputs longer than this are rejected as unparseable (guards against pathological input). */
export const MAX_INPUT_LENGTH = 1000;

const NANO = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_NANOS = MAX_INT64 * NANO;
/** Exponents are clamped to this magnitude before arithmetic; inputs are short, so the result is unaffected. */
const EXPONENT_LIMIT = 10_000_000;

const SUFFIX_CHARS = 'eEinumkKMGTP';

const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
const DECIMAL_SUFFIX_BY_EXPONENT: ReadonlyMap<number, string> = new Map(
  [...DECIMAL_SUFFIXES].map(([s, e]) => [e, s]),
);

const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const fail = (error: string): QuantityResult => ({ ok: false, error });

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Scanned {
  negative: boolean;
  intDigits: string;
  fracDigits: string;
  hasDot: boolean;
  suffix: string;
}

/** Splits `str` into sign, number and suffix the way parseQuantityString does; null = wrong format. */
function scan(str: string): Scanned | null {
  const end = str.length;
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  const intStart = pos;
  while (isDigit(str[pos])) pos++;
  const intDigits = str.slice(intStart, pos);
  let fracDigits = '';
  let hasDot = false;
  if (str[pos] === '.') {
    hasDot = true;
    pos++;
    const fracStart = pos;
    while (isDigit(str[pos])) pos++;
    fracDigits = str.slice(fracStart, pos);
  }
  const suffixStart = pos;
  // suffix = letters from SUFFIX_CHARS, then an optional sign, then digits
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < end) return null;
  return { negative, intDigits, fracDigits, hasDot, suffix: str.slice(suffixStart) };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: Format;
}

function interpretSuffix(suffix: string): Suffix | null {
  const dec = DECIMAL_SUFFIXES.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    // strconv.ParseInt(s, 10, 64): optional sign, decimal digits, must fit int64
    if (!/^[+-]?[0-9]+$/.test(digits)) return null;
    const big = BigInt(digits);
    if (big > MAX_INT64 || big < -MAX_INT64 - 1n) return null;
    const clamped = big > BigInt(EXPONENT_LIMIT) ? EXPONENT_LIMIT : big < BigInt(-EXPONENT_LIMIT) ? -EXPONENT_LIMIT : Number(big);
    return { base: 10, exponent: clamped, format: 'DecimalExponent' };
  }
  return null;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** ceil(a / b) for a >= 0, b > 0 */
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/**
 * |value| in nanos for digits × 10^exp10 × 2^exp2 (digits without leading zeros, non-empty, not "0"),
 * rounded up to the next nano and clamped to MAX_NANOS.
 */
function magnitudeNanos(digits: string, exp10: number, exp2: number): bigint {
  // lower bound of log10(value): (digits.length - 1) + exp10 + floor(exp2 * 0.3), since 2^10 > 10^3
  const log10Lower = digits.length - 1 + exp10 + Math.floor((exp2 * 3) / 10);
  if (log10Lower >= 19) return MAX_NANOS; // >= 10^19 > 2^63-1
  const mantissa = BigInt(digits) << BigInt(exp2);
  const shift = exp10 + 9;
  let nanos: bigint;
  if (shift >= 0) {
    nanos = mantissa * pow10(shift);
  } else if (-shift > digits.length + 19) {
    nanos = 1n; // mantissa < 10^(digits.length + 19): non-zero but below one nano
  } else {
    nanos = ceilDiv(mantissa, pow10(-shift));
  }
  return nanos > MAX_NANOS ? MAX_NANOS : nanos;
}

function parseString(str: string): QuantityResult {
  if (str.length === 0 || str.length > MAX_INPUT_LENGTH) return fail(ERR_FORMAT_WRONG);
  const scanned = scan(str);
  if (scanned === null) return fail(ERR_FORMAT_WRONG);
  const suffix = interpretSuffix(scanned.suffix);
  if (suffix === null) return fail(ERR_SUFFIX);
  if (scanned.intDigits === '' && scanned.fracDigits === '') {
    // Deviation: Kubernetes treats e.g. "Gi" or "-" as zero; the grammar requires digits.
    return fail(scanned.hasDot ? ERR_NUMERIC : ERR_FORMAT_WRONG);
  }

  const digits = (scanned.intDigits + scanned.fracDigits).replace(/^0+/, '');
  let format = suffix.format;
  let nanos = 0n;
  if (digits !== '') {
    const exp10 = (suffix.base === 10 ? suffix.exponent : 0) - scanned.fracDigits.length;
    const exp2 = suffix.base === 2 ? suffix.exponent : 0;
    nanos = magnitudeNanos(digits, exp10, exp2);
    // A binary quantity below 1 cannot be written with a binary suffix.
    if (format === 'BinarySI' && nanos < NANO) format = 'DecimalSI';
    if (scanned.negative) nanos = -nanos;
  }
  return { ok: true, quantity: Object.freeze({ nanos, text: str, format }) };
}

/**
 * Accepts a YAML string or number (YAML `cpu: 1` and `cpu: 0.5` are numbers). Error messages follow
 * Kubernetes: 'quantities must match the regular expression ...', 'unable to parse quantity\'s suffix',
 * 'unable to parse numeric part of quantity'. Non-string, non-number input (boolean, object, null) is an
 * error too. Numbers are parsed from their string form (String(n)); bigints are accepted likewise.
 */
export function parseQuantity(input: unknown): QuantityResult {
  if (typeof input === 'string') return parseString(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(ERR_NUMERIC);
    return parseString(String(input));
  }
  if (typeof input === 'bigint') return parseString(input.toString());
  return fail(ERR_FORMAT_WRONG);
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** nanos / divisor, rounded away from zero (Kubernetes' ScaledValue rounding). */
function scaleAwayFromZero(nanos: bigint, divisor: bigint): bigint {
  return nanos < 0n ? -ceilDiv(-nanos, divisor) : ceilDiv(nanos, divisor);
}

/** ceil(q) as bigint (Value()); negative values round away from zero, as Kubernetes does. */
export function quantityValue(q: Quantity): bigint {
  return scaleAwayFromZero(q.nanos, NANO);
}

/** ceil(q*1000) (MilliValue()); negative values round away from zero, as Kubernetes does. */
export function quantityMilliValue(q: Quantity): bigint {
  return scaleAwayFromZero(q.nanos, 1_000_000n);
}

/**
 * canonical display string as Kubernetes prints it: 1.5 -> "1500m", 1.5Gi -> "1536Mi", 0.5Gi -> "512Mi",
 * 1000m -> "1", 2048Ki -> "2Mi"
 */
export function formatQuantity(q: Quantity): string {
  const { nanos } = q;
  if (nanos === 0n) return '0';
  const abs = nanos < 0n ? -nanos : nanos;

  if (q.format === 'BinarySI' && abs >= 1024n * NANO && nanos % NANO === 0n) {
    let units = nanos / NANO;
    let power = 0;
    while (power < BINARY_SUFFIX_BY_POWER.length - 1 && units % 1024n === 0n) {
      units /= 1024n;
      power++;
    }
    return `${units}${BINARY_SUFFIX_BY_POWER[power]}`;
  }

  // Decimal: largest exponent that is a multiple of 3 with an integral mantissa.
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const excess = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(excess);
  exponent -= excess;

  if (q.format === 'DecimalExponent') {
    return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  }
  // |value| <= 2^63-1 < 10^19 and >= 10^-9, so the exponent is always in the table.
  return `${mantissa}${DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? `e${exponent}`}`;
}

export function isNegative(q: Quantity): boolean {
  return q.nanos < 0n;
}
