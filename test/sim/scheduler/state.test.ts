import { describe, expect, it } from 'vitest';
import { SchedulingState } from '../../../src/sim/scheduler/state.js';
import { container, makeNode, makePod } from './helpers.js';

describe('SchedulingState', () => {
  const setup = () => new SchedulingState([makeNode('a'), makeNode('b')]);
  it('keeps per-node pods, requested and non-zero aggregates incrementally', () => {
    const state = setup();
    const p = makePod('p', { containers: [container({ cpu: '250m', memory: '1Gi' })] });
    const q = makePod('q');
    state.bind(p, 'a');
    state.bind(q, 'a');
    expect(state.podsOn('a')).toEqual([p, q]);
    expect(state.requested('a')).toEqual({ cpu: 250, memory: 1024 ** 3 });
    expect(state.nonZeroRequested('a')).toEqual({ cpu: 350, memory: 1024 ** 3 + 200 * 1024 ** 2 });
    expect(state.nodeOf(p)).toBe('a');
    state.unbind(p);
    expect(state.podsOn('a')).toEqual([q]);
    expect(state.requested('a')).toEqual({});
    expect(p.nodeName).toBeUndefined();
  });
  it('does not count Succeeded pods (§3.3)', () => {
    const state = setup();
    const done = makePod('job-0', { containers: [container({ cpu: '1' })] }, { phase: 'Succeeded' });
    state.bind(done, 'a');
    expect(done.nodeName).toBe('a');
    expect(state.podsOn('a')).toEqual([]);
    expect(state.requested('a')).toEqual({});
  });
  it('moves a pod bound twice', () => {
    const state = setup();
    const p = makePod('p', { containers: [container({ cpu: '1' })] });
    state.bind(p, 'a');
    state.bind(p, 'b');
    expect(state.podsOn('a')).toEqual([]);
    expect(state.requested('b')).toEqual({ cpu: 1000 });
  });
  it('finds placed pods by namespace and labels', () => {
    const state = setup();
    const web = makePod('web', {}, { labels: { app: 'web', tier: 'front' } });
    state.bind(web, 'a');
    state.bind(makePod('db', {}, { labels: { app: 'db' } }), 'b');
    state.bind(makePod('web-prod', {}, { labels: { app: 'web' }, namespace: 'prod' }), 'b');
    const found: string[] = [];
    state.forEachPlacedPod('default', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, (p) => found.push(p.name));
    expect(found).toEqual(['web']);
  });
  it('clones independently: binding in the clone leaves the original unchanged', () => {
    const state = setup();
    state.bind(makePod('p', { containers: [container({ cpu: '1' })] }), 'a');
    const copy = state.clone();
    copy.bind(makePod('q', { containers: [container({ cpu: '2' })] }), 'a');
    expect(state.requested('a')).toEqual({ cpu: 1000 });
    expect(copy.requested('a')).toEqual({ cpu: 3000 });
    expect(state.podsOn('a')).toHaveLength(1);
    expect(copy.podsOn('a')).toHaveLength(2);
  });
  it('throws when binding to a node that is not in the cluster', () => {
    expect(() => setup().bind(makePod('p'), 'ghost')).toThrow(/node "ghost"/);
  });
});
