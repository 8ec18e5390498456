import { describe, expect, it } from 'vitest';
import { goRegExp, isKubernetesFormat, KUBERNETES_FORMATS, translateGoPattern } from '../../src/schema/kube-openapi.js';

describe('Kubernetes formats', () => {
  const cases: [format: string, valid: string[], invalid: string[]][] = [
    ['hostname', ['example.com', 'a-b.c', 'localhost', 'x.'], ['-a.com', 'a..b', 'a b', 'a'.repeat(64)]],
    ['ipv4', ['10.0.0.1', '::ffff:10.0.0.1'], ['10.0.0', '::1', '256.1.1.1']],
    ['ipv6', ['::1', 'fe80::1'], ['10.0.0.1', 'fe80:::1']],
    ['cidr', ['10.0.0.0/8', 'fd00::/64'], ['10.0.0.0', '10.0.0.0/33', 'x/8']],
    ['mac', ['00:00:5e:00:53:01', '00-00-5E-00-53-01', '0000.5e00.5301'], ['00:00:5e:00:53', 'zz:00:5e:00:53:01']],
    ['uuid', ['123e4567-e89b-12d3-a456-426614174000', '123E4567E89B12D3A456426614174000'], ['123e4567-e89b-12d3-a456']],
    ['uuid4', ['123e4567-e89b-42d3-a456-426614174000'], ['123e4567-e89b-12d3-a456-426614174000']],
    ['bsonobjectid', ['507f1f77bcf86cd799439011'], ['507f1f77bcf86cd79943901']],
    ['byte', ['aGVsbG8=', 'aGVsbG8h', ''], ['aGVsbG8', 'a$b=']],
    ['date', ['2024-02-29'], ['2023-02-29', '2024-13-01', '2024-1-1']],
    ['date-time', ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.123+02:00', '2024-05-01 10:00:00'], ['2024-05-01', 'yesterday', '2024-05-01T25:00:00Z']],
    ['datetime', ['2024-05-01T10:00:00Z'], ['10:00']],
    ['duration', ['5m', '1h30m', '0', '1.5s', '3 days', '22 ns'], ['soon', '5', 'm5']],
    ['email', ['a@example.com', 'Ann <a@example.com>'], ['example.com', 'a@b@c']],
    ['uri', ['https://example.com/x', 'mailto:a@b.c', '/path'], ['relative/path', 'http://exa mple.com']],
    ['creditcard', ['4111 1111 1111 1111'], ['4111 1111 1111 1112']],
    ['isbn', ['0-306-40615-2', '978-0-306-40615-7'], ['0-306-40615-3']],
    ['ssn', ['123-45-6789'], ['123456']],
    ['hexcolor', ['#fff', 'A0B0C0'], ['#ffff']],
    ['rgbcolor', ['rgb(255, 0, 10)'], ['rgb(256,0,0)']],
    ['password', ['anything'], []],
  ];
  for (const [format, valid, invalid] of cases) {
    it(`checks ${format}`, () => {
      const check = KUBERNETES_FORMATS[format];
      for (const v of valid) expect([v, check(v)]).toEqual([v, true]);
      for (const v of invalid) expect([v, check(v)]).toEqual([v, false]);
    });
  }

  it('does not check formats the API server ignores', () => {
    for (const f of ['int32', 'int64', 'double', 'float', 'quantity', 'int-or-string']) expect(isKubernetesFormat(f)).toBe(false);
    expect(isKubernetesFormat('date-time')).toBe(true);
  });
});

describe('Go patterns', () => {
  it('translates the RE2 constructs JavaScript spells differently', () => {
    expect(translateGoPattern('(?i)^ab\\z')).toEqual({ source: '^ab$', flags: 'i' });
    expect(translateGoPattern('\\A\\pL+\\PN')).toEqual({ source: '^\\p{L}+\\P{N}', flags: '' });
    expect(translateGoPattern('(?P<name>[[:alpha:]][[:digit:]_]*)')).toEqual({ source: '(?<name>[A-Za-z][0-9_]*)', flags: '' });
    expect(translateGoPattern('^[a-z\\-]+\\_\\:x\\-$')).toEqual({ source: '^[a-z\\-]+_:x-$', flags: '' });
    expect(translateGoPattern('\\Qa.b\\E+')).toEqual({ source: 'a\\.b+', flags: '' });
    expect(translateGoPattern('[]a]')).toEqual({ source: '[\\]a]', flags: '' });
    expect(translateGoPattern('(?U)a+')).toBeUndefined();
    expect(translateGoPattern('a(?i:b)')).toBeUndefined();
  });

  it('compiles Go patterns for ajv, leaving the hopeless ones unchecked', () => {
    expect(goRegExp('(?i)^ab$', 'u').test('AB')).toBe(true);
    expect(goRegExp('(?i)^ab$', 'u').test('abc')).toBe(false);
    expect(goRegExp('^\\pL+$', 'u').test('élan')).toBe(true);
    expect(goRegExp('^\\pL+$', 'u').test('a1')).toBe(false);
    // Not valid in unicode mode, fine without it.
    expect(goRegExp('^a{,2}$', 'u').test('a{,2}')).toBe(true);
    // Not translatable: not checked rather than wrongly checked.
    expect(goRegExp('(?U)a+', 'u').test('anything')).toBe(true);
  });
});
