import { describe, expect, it } from 'vitest';
import { formatSelector, isEmptySelector, labelsOf, matchesSelector, parseLabelSelector, selectorFromMap } from '../../src/k8s/selector.js';

const parse = (v: unknown) => {
  const r = parseLabelSelector(v);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
};

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', env: 'prod' };
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{ matchLabels: { app: 'web', tier: 'backend' } }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, false],
    [{ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'missing', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'missing', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{}, true],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesSelector(parse(selector), labels)).toBe(expected);
  });

  it('rejects invalid selectors with a reason', () => {
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toMatchObject({ ok: false });
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toMatchObject({ ok: false, error: expect.stringMatching(/at least one value/) });
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toMatchObject({ ok: false });
    expect(parseLabelSelector('app=web')).toMatchObject({ ok: false });
  });

  it('reads Service map selectors and YAML scalars as label strings', () => {
    const s = selectorFromMap({ app: 'web', version: 2, canary: true });
    expect(s.matchLabels).toEqual({ app: 'web', version: '2', canary: 'true' });
    expect(matchesSelector(s, labelsOf({ app: 'web', version: 2, canary: true }))).toBe(true);
    expect(isEmptySelector(selectorFromMap(null))).toBe(true);
    expect(formatSelector(parse({ matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['d', 'e'] }] }))).toBe('a=b,c notin (d,e)');
  });
});
