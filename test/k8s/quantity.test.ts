import { describe, it, expect } from 'vitest';
import {
  compareQuantities,
  formatQuantity,
  isNegative,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
  type Quantity,
} from '../../src/k8s/quantity.js';

const FORMAT_ERR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_ERR = "unable to parse quantity's suffix";
const NUMERIC_ERR = 'unable to parse numeric part of quantity';

const NANO = 1_000_000_000n;
const MAX_INT64 = 9223372036854775807n;

function q(input: unknown): Quantity {
  const r = parseQuantity(input);
  if (!r.ok) throw new Error(`expected ${String(input)} to parse, got: ${r.error}`);
  return r.quantity;
}

describe('parseQuantity: suffixes', () => {
  const cases: Array<[string, bigint, Quantity['format']]> = [
    ['1n', 1n, 'DecimalSI'],
    ['1u', 1_000n, 'DecimalSI'],
    ['1m', 1_000_000n, 'DecimalSI'],
    ['1', NANO, 'DecimalSI'],
    ['1k', 1_000n * NANO, 'DecimalSI'],
    ['1M', 1_000_000n * NANO, 'DecimalSI'],
    ['1G', 10n ** 9n * NANO, 'DecimalSI'],
    ['1T', 10n ** 12n * NANO, 'DecimalSI'],
    ['1P', 10n ** 15n * NANO, 'DecimalSI'],
    ['1E', 10n ** 18n * NANO, 'DecimalSI'],
    ['1Ki', 1024n * NANO, 'BinarySI'],
    ['1Mi', 2n ** 20n * NANO, 'BinarySI'],
    ['1Gi', 2n ** 30n * NANO, 'BinarySI'],
    ['1Ti', 2n ** 40n * NANO, 'BinarySI'],
    ['1Pi', 2n ** 50n * NANO, 'BinarySI'],
    ['1Ei', 2n ** 60n * NANO, 'BinarySI'],
    ['1e3', 1_000n * NANO, 'DecimalExponent'],
    ['1E3', 1_000n * NANO, 'DecimalExponent'],
    ['12E-3', 12_000_000n, 'DecimalExponent'],
    ['1e+3', 1_000n * NANO, 'DecimalExponent'],
    ['1.5e2', 150n * NANO, 'DecimalExponent'],
    ['1e0', NANO, 'DecimalExponent'],
    ['5e-9', 5n, 'DecimalExponent'],
  ];
  it.each(cases)('%s', (input, nanos, format) => {
    const quantity = q(input);
    expect(quantity.nanos).toBe(nanos);
    expect(quantity.format).toBe(format);
    expect(quantity.text).toBe(input);
  });
});

describe('parseQuantity: numbers and signs', () => {
  const cases: Array<[string, bigint]> = [
    ['0', 0n],
    ['-0', 0n],
    ['000', 0n],
    ['007', 7n * NANO],
    ['1.5', 1_500_000_000n],
    ['1.', NANO],
    ['.5', 500_000_000n],
    ['+1', NANO],
    ['-1', -NANO],
    ['-.5', -500_000_000n],
    ['+1.5Gi', 1610612736n * NANO],
    ['1.5Gi', 1610612736n * NANO],
    ['-1.5Gi', -1610612736n * NANO],
    ['1.G', 10n ** 9n * NANO], // Kubernetes accepts a dot with no fraction before a suffix
    ['100m', 100_000_000n],
    ['0.5', 500_000_000n],
    ['123456789.123456789', 123456789123456789n],
  ];
  it.each(cases)('%s', (input, nanos) => {
    expect(q(input).nanos).toBe(nanos);
  });
});

describe('parseQuantity: rounding up to the nano scale', () => {
  const cases: Array<[string, bigint]> = [
    ['0.1n', 1n],
    ['1.1n', 2n],
    ['-0.1n', -1n], // away from zero
    ['1.0000000001', NANO + 1n],
    ['1e-10', 1n],
    ['1e-999999999', 1n],
    ['1e-99999999999', 1n],
    ['0.0000000000000000000000000000001', 1n],
    ['0e-20', 0n], // zero stays zero
    ['0.000n', 0n],
  ];
  it.each(cases)('%s', (input, nanos) => {
    expect(q(input).nanos).toBe(nanos);
  });

  it('computes binary fractions exactly', () => {
    // 0.1Ki = 102.4 exactly; 0.001Ki = 1.024
    expect(q('0.1Ki').nanos).toBe(102_400_000_000n);
    expect(q('0.001Ki').nanos).toBe(1_024_000_000n);
    // 1e-12 * 2^10 = 1.024e-9 -> rounds up to 2 nanos
    expect(q('0.000000000001Ki').nanos).toBe(2n);
  });
});

describe('parseQuantity: clamping of huge values', () => {
  it('clamps large positive exponents to int64 max without hanging', () => {
    const start = Date.now();
    expect(q('1e999999999').nanos).toBe(MAX_INT64 * NANO);
    expect(q('1e9223372036854775807').nanos).toBe(MAX_INT64 * NANO);
    expect(q('-1e999999999').nanos).toBe(-MAX_INT64 * NANO);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('clamps binary values above 2^63-1 (as Kubernetes does)', () => {
    expect(q('8Ei').nanos).toBe(MAX_INT64 * NANO);
    expect(quantityValue(q('8Ei'))).toBe(MAX_INT64);
    expect(q('7Ei').nanos).toBe(7n * 2n ** 60n * NANO);
  });

  it('keeps values just below the cap exact', () => {
    expect(q('9223372036854775807').nanos).toBe(MAX_INT64 * NANO);
    expect(q('9223372036854775806').nanos).toBe((MAX_INT64 - 1n) * NANO);
    expect(q('9223372036854775808').nanos).toBe(MAX_INT64 * NANO);
    expect(q('1e18').nanos).toBe(10n ** 18n * NANO);
  });

  it('rejects exponents outside int64 as a suffix error (strconv.ParseInt fails)', () => {
    expect(parseQuantity('1e9223372036854775808')).toEqual({ ok: false, error: SUFFIX_ERR });
  });

  it('handles zero with an absurd exponent', () => {
    expect(q('0e999999999').nanos).toBe(0n);
  });

  it('rejects over-long input', () => {
    expect(parseQuantity('1'.repeat(1001))).toEqual({ ok: false, error: FORMAT_ERR });
    expect(q('1'.repeat(1000)).nanos).toBe(MAX_INT64 * NANO);
  });
});

describe('parseQuantity: binary quantities below 1 become DecimalSI', () => {
  it.each([
    ['0.0001Ki', 'DecimalSI'],
    ['-0.0001Ki', 'DecimalSI'],
    ['0.5Ki', 'BinarySI'],
    ['0Ki', 'BinarySI'],
  ] as const)('%s -> %s', (input, format) => {
    expect(q(input).format).toBe(format);
  });
});

describe('parseQuantity: YAML numbers and non-strings', () => {
  it.each([
    [1, NANO],
    [0.5, 500_000_000n],
    [1e3, 1000n * NANO],
    [-2, -2n * NANO],
    [1e21, MAX_INT64 * NANO], // String(1e21) === '1e+21'
    [1e-7, 100n],
    [0, 0n],
  ])('number %s', (input, nanos) => {
    expect(q(input).nanos).toBe(nanos);
  });

  it('uses the string form of a number as text', () => {
    expect(q(0.5).text).toBe('0.5');
    expect(q(1e21).text).toBe('1e+21');
    expect(q(1e21).format).toBe('DecimalExponent');
  });

  it.each([NaN, Infinity, -Infinity])('rejects %s', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error: NUMERIC_ERR });
  });

  it.each([[true], [false], [null], [undefined], [{}], [[]], [['1']], [{ cpu: 1 }]])('rejects %j', (input) => {
    const r = parseQuantity(input);
    expect(r).toEqual({ ok: false, error: FORMAT_ERR });
  });

  it('accepts bigint', () => {
    expect(q(5n).nanos).toBe(5n * NANO);
  });
});

describe('parseQuantity: invalid input', () => {
  const cases: Array<[string, string]> = [
    ['', FORMAT_ERR],
    ['1K', SUFFIX_ERR],
    ['1mi', SUFFIX_ERR],
    ['1i', SUFFIX_ERR],
    ['1e', SUFFIX_ERR],
    ['1e-', SUFFIX_ERR],
    ['1Ee3', SUFFIX_ERR],
    ['1k3', SUFFIX_ERR],
    ['--1', SUFFIX_ERR], // the second '-' is read as the start of a suffix, as in Kubernetes
    ['1-', SUFFIX_ERR],
    ['1Gb', FORMAT_ERR], // 'b' is not a suffix character
    ['1 Gi', FORMAT_ERR],
    [' 1', FORMAT_ERR],
    ['1 ', FORMAT_ERR],
    ['abc', FORMAT_ERR],
    ['1.2.3', FORMAT_ERR],
    ['1e3.5', FORMAT_ERR],
    ['1,5', FORMAT_ERR],
    ['1µ', FORMAT_ERR],
    ['Gi', FORMAT_ERR], // deviation: Kubernetes reads this as 0
    ['-', FORMAT_ERR],
    ['e3', FORMAT_ERR],
    ['.', NUMERIC_ERR],
    ['-.Mi', NUMERIC_ERR],
  ];
  it.each(cases)('%j', (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });
});

describe('compareQuantities', () => {
  const cases: Array<[string, string, -1 | 0 | 1]> = [
    ['1Gi', '1G', 1],
    ['1G', '1Gi', -1],
    ['1000m', '1', 0],
    ['0.5', '500m', 0],
    ['1e3', '1k', 0],
    ['1Ki', '1024', 0],
    ['1.5Gi', '1536Mi', 0],
    ['-1', '0', -1],
    ['1n', '0', 1],
    ['999999999n', '1', -1],
    ['100m', '0.1', 0],
  ];
  it.each(cases)('%s vs %s', (a, b, expected) => {
    expect(compareQuantities(q(a), q(b))).toBe(expected);
  });
});

describe('quantityValue / quantityMilliValue', () => {
  const cases: Array<[unknown, bigint, bigint]> = [
    ['100m', 1n, 100n],
    [0.1, 1n, 100n],
    ['0.1', 1n, 100n],
    ['1.0001', 2n, 1001n],
    ['0.1m', 1n, 1n],
    ['1n', 1n, 1n],
    ['0', 0n, 0n],
    ['1', 1n, 1000n],
    ['2', 2n, 2000n],
    ['1Gi', 1073741824n, 1073741824000n],
    ['1G', 1000000000n, 1000000000000n],
    ['1.5', 2n, 1500n],
    ['-1.5', -2n, -1500n], // Kubernetes rounds away from zero
    ['-0.1m', -1n, -1n],
  ];
  it.each(cases)('%s', (input, value, milli) => {
    const quantity = q(input);
    expect(quantityValue(quantity)).toBe(value);
    expect(quantityMilliValue(quantity)).toBe(milli);
  });
});

describe('formatQuantity', () => {
  const cases: Array<[unknown, string]> = [
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1000m', '1'],
    ['2048Ki', '2Mi'],
    ['1Ki', '1Ki'],
    ['1024Mi', '1Gi'],
    ['1025Ki', '1025Ki'],
    ['1.5Ki', '1536'], // integral but not a multiple of 1024
    ['0.5Ki', '512'], // binary below 1024 is shown as DecimalSI
    ['-1Ki', '-1Ki'],
    ['-0.5Ki', '-512'],
    ['0.9Gi', '966367641600m'],
    ['1.00048828125Ki', '1024500m'], // non-integral binary -> DecimalSI
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['10000', '10k'],
    ['1e3', '1e3'],
    ['12E-3', '12e-3'],
    ['1.5e0', '1500e-3'],
    ['1000e0', '1e3'],
    ['1e0', '1'],
    ['0.1n', '1n'],
    ['1.0001', '1000100u'],
    ['1E', '1E'],
    ['1000P', '1E'],
    ['+1', '1'],
    ['01', '1'],
    ['-1.5', '-1500m'],
    ['0', '0'],
    ['0Gi', '0'],
    ['-0', '0'],
    ['8Ei', '9223372036854775807'],
    [0.30000000000000004, '300000001n'], // API defaulting (not ParseQuantity) would round to 301m
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    expect(formatQuantity(q(input))).toBe(expected);
  });

  it('round-trips through its canonical form', () => {
    for (const input of ['1.5', '1.5Gi', '123456789n', '7Ei', '-3.5k', '12E-3', '0.0001Ki']) {
      const quantity = q(input);
      expect(q(formatQuantity(quantity)).nanos).toBe(quantity.nanos);
    }
  });
});

describe('isNegative', () => {
  it.each([
    ['-1', true],
    ['-0.1n', true],
    ['-1Gi', true],
    ['0', false],
    ['-0', false],
    ['1', false],
    ['1n', false],
  ] as const)('%s -> %s', (input, expected) => {
    expect(isNegative(q(input))).toBe(expected);
  });
});
