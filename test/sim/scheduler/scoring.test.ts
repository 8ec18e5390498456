import { describe, expect, it } from 'vitest';
import { pluginScores, selectNode } from '../../../src/sim/scheduler/scoring.js';
import { defaultFilters, Scheduler } from '../../../src/sim/scheduler/scheduler.js';
import { SchedulingState } from '../../../src/sim/scheduler/state.js';
import { container, makeNode, makePod, replicas } from './helpers.js';

describe('scoring (§3.11)', () => {
  it('breaks ties by node name ascending', () => {
    const nodes = [makeNode('node-b'), makeNode('node-c'), makeNode('node-a')];
    const state = new SchedulingState(nodes);
    expect(selectNode(makePod('p'), nodes, state).name).toBe('node-a');
  });
  it('computes LeastAllocated and BalancedAllocation exactly', () => {
    const node = makeNode('n', { allocatable: { cpu: '4', memory: '8Gi' } });
    const state = new SchedulingState([node]);
    const scores = pluginScores(makePod('p', { containers: [container({ cpu: '1', memory: '1Gi' })] }), [node], state);
    // cpu (4000−1000)·100/4000 = 75, memory 87 → 81; fractions 0.25 and 0.125 → (1 − 0.0625)·100 → 93.
    expect(scores.NodeResourcesFit).toEqual([81]);
    expect(scores.NodeResourcesBalancedAllocation).toEqual([93]);
  });
  it('counts containers without requests as 100m / 200Mi for LeastAllocated', () => {
    const nodes = [makeNode('a', { allocatable: { cpu: '1', memory: '1Gi' } })];
    const state = new SchedulingState(nodes);
    const scores = pluginScores(makePod('p'), nodes, state);
    // cpu (1000−100)·100/1000 = 90, memory (1024−200)/1024 → 80 → 85; balanced skipped for best-effort pods.
    expect(scores.NodeResourcesFit).toEqual([85]);
    expect(scores.NodeResourcesBalancedAllocation).toEqual([0]);
  });
  it('spreads replicas over equal nodes by least allocation', () => {
    const sched = new Scheduler(new SchedulingState([makeNode('n1'), makeNode('n2'), makeNode('n3')]), defaultFilters());
    const placed = replicas('web', 6, { containers: [container({ cpu: '500m', memory: '512Mi' })] }).map((p) => {
      const o = sched.schedule(p);
      return o.ok ? o.node.name : 'pending';
    });
    expect(placed.slice(0, 3)).toEqual(['n1', 'n2', 'n3']);
    expect(placed.filter((n) => n === 'n1')).toHaveLength(2);
    expect(placed.filter((n) => n === 'n2')).toHaveLength(2);
  });
  it('prefers the less loaded node over the name order', () => {
    const nodes = [makeNode('a'), makeNode('b')];
    const state = new SchedulingState(nodes);
    state.bind(makePod('load', { containers: [container({ cpu: '2', memory: '4Gi' })] }), 'a');
    expect(selectNode(makePod('p', { containers: [container({ cpu: '100m' })] }), nodes, state).name).toBe('b');
  });
  it('prefers nodes matching preferred node affinity', () => {
    const nodes = [makeNode('a'), makeNode('b', { labels: { disk: 'ssd' } })];
    const pod = makePod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
          ],
        },
      },
    });
    const state = new SchedulingState(nodes);
    expect(pluginScores(pod, nodes, state).NodeAffinity).toEqual([0, 100]);
    expect(selectNode(pod, nodes, state).name).toBe('b');
  });
  it('avoids untolerated PreferNoSchedule taints', () => {
    const nodes = [makeNode('a', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }), makeNode('b')];
    const state = new SchedulingState(nodes);
    expect(pluginScores(makePod('p'), nodes, state).TaintToleration).toEqual([0, 100]);
    expect(selectNode(makePod('p'), nodes, state).name).toBe('b');
    const tolerant = makePod('q', { tolerations: [{ key: 'spot', operator: 'Exists' }] });
    expect(pluginScores(tolerant, nodes, state).TaintToleration).toEqual([100, 100]);
  });
  it('follows preferred pod affinity to the node of a matching pod', () => {
    const nodes = [makeNode('a'), makeNode('b')];
    const state = new SchedulingState(nodes);
    state.bind(makePod('cache', {}, { labels: { app: 'cache' } }), 'b');
    const pod = makePod('client', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } } },
          ],
        },
      },
    });
    expect(pluginScores(pod, nodes, state).InterPodAffinity).toEqual([0, 100]);
    expect(selectNode(pod, nodes, state).name).toBe('b');
  });
  it("is pulled by existing pods' preferred anti-affinity away from their node", () => {
    const nodes = [makeNode('a'), makeNode('b')];
    const state = new SchedulingState(nodes);
    const loner = makePod('loner', {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'noisy' } } } },
          ],
        },
      },
    });
    state.bind(loner, 'a');
    expect(selectNode(makePod('noisy', {}, { labels: { app: 'noisy' } }), nodes, state).name).toBe('b');
  });
  it('spreads by ScheduleAnyway constraints and by the default zone spreading of controller pods', () => {
    const nodes = [
      makeNode('a1', { labels: { 'topology.kubernetes.io/zone': 'a' } }),
      makeNode('a2', { labels: { 'topology.kubernetes.io/zone': 'a' } }),
      makeNode('b1', { labels: { 'topology.kubernetes.io/zone': 'b' } }),
    ];
    const state = new SchedulingState(nodes);
    state.bind(makePod('web-0', {}, { labels: { app: 'web' } }), 'a1');
    const soft = makePod('web-1', {
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } },
      ],
    }, { labels: { app: 'web' } });
    expect(pluginScores(soft, nodes, state).PodTopologySpread).toEqual([0, 0, 100]);
    const defaulted = makePod('web-2', {}, { labels: { app: 'web' } });
    const scores = pluginScores(defaulted, nodes, state).PodTopologySpread;
    expect(scores[2]).toBe(100);
    expect(scores[0]).toBeLessThan(scores[1]);
    expect(selectNode(defaulted, nodes, state).name).toBe('b1');
  });
});

describe('review fixes: scoring', () => {
  it('PodTopologySpread scoring: a ScheduleAnyway constraint with an empty labelSelector counts no pod', () => {
    const nodes = [makeNode('a1', { labels: { zone: 'a' } }), makeNode('b1', { labels: { zone: 'b' } })];
    const state = new SchedulingState(nodes);
    const spec = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: {} }] };
    state.bind(makePod('w0', spec, { labels: { app: 'web' } }), 'a1');
    state.bind(makePod('w1', spec, { labels: { app: 'web' } }), 'a1');
    expect(pluginScores(makePod('w2', spec, { labels: { app: 'web' } }), nodes, state).PodTopologySpread).toEqual([100, 100]);
  });
  it('InterPodAffinity scoring: a topologyKey named like an Object.prototype member is absent from nodes without it', () => {
    const nodes = [makeNode('a', { labels: { constructor: 'x' } }), makeNode('b'), makeNode('c')];
    const state = new SchedulingState(nodes);
    // db sits on a node without the label: no topology domain, so no node gains from it.
    state.bind(makePod('db', {}, { labels: { app: 'db' } }), 'b');
    const spec = {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { topologyKey: 'constructor', labelSelector: { matchLabels: { app: 'db' } } } },
          ],
        },
      },
    };
    expect(pluginScores(makePod('p', spec), nodes, state).InterPodAffinity).toEqual([0, 0, 0]);
  });
});
