import { describe, expect, it } from 'vitest';
import type { SimNode, SimPod } from '../../../src/sim/model.js';
import { fitErrorMessage } from '../../../src/sim/scheduler/fit-error.js';
import type { FilterPlugin } from '../../../src/sim/scheduler/framework.js';
import {
  defaultFilters,
  insertVolumePlugins,
  numFeasibleNodesToFind,
  Scheduler,
  SCHEDULING_GATED_MESSAGE,
} from '../../../src/sim/scheduler/scheduler.js';
import { SchedulingState } from '../../../src/sim/scheduler/state.js';
import { CONTROL_PLANE_TAINT, container, makeNode, makePod, replicas } from './helpers.js';

const scheduler = (nodes: SimNode[], filters = defaultFilters()) => new Scheduler(new SchedulingState(nodes), filters);

const failure = (outcome: ReturnType<Scheduler['schedule']>) => {
  if (outcome.ok) throw new Error(`expected a failure, got node ${outcome.node.name}`);
  return outcome;
};

describe('Scheduler: aggregate FailedScheduling message (§3.2)', () => {
  it('counts reasons per node, sorts them, and adds the preemption part', () => {
    const nodes = [
      makeNode('cp', { taints: [CONTROL_PLANE_TAINT] }),
      makeNode('w1', { allocatable: { cpu: '1', memory: '4Gi' } }),
      makeNode('w2', { allocatable: { cpu: '1', memory: '4Gi' } }),
      makeNode('w3', { allocatable: { cpu: '1', memory: '4Gi' } }),
    ];
    const outcome = failure(scheduler(nodes).schedule(makePod('big', { containers: [container({ cpu: '2' })] })));
    expect(outcome.reason).toBe('Unschedulable');
    expect(outcome.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });
  it('counts Insufficient cpu and Insufficient memory of one node separately', () => {
    const nodes = [
      makeNode('cp', { taints: [CONTROL_PLANE_TAINT] }),
      makeNode('a', { allocatable: { cpu: '1', memory: '1Gi' } }),
      makeNode('b', { allocatable: { cpu: '4', memory: '1Gi' } }),
    ];
    const outcome = failure(scheduler(nodes).schedule(makePod('p', { containers: [container({ cpu: '2', memory: '2Gi' })] })));
    expect(outcome.message).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
  it('sorts "10 …" before "2 …" as a plain string sort', () => {
    const message = fitErrorMessage({
      numAllNodes: 12,
      reasons: new Map([
        ['Insufficient cpu', 10],
        ["node(s) didn't match Pod's node affinity/selector", 2],
      ]),
      codes: { Unschedulable: 10, UnschedulableAndUnresolvable: 2 },
    });
    expect(message).toBe(
      "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });
  it('uses a PreFilter message instead of the histogram, with every node "not helpful"', () => {
    const rejecting: FilterPlugin = {
      name: 'VolumeBinding',
      preFilter: () => 'persistentvolumeclaim "data" not found',
      filter: () => ({ ok: true }),
    };
    const filters = insertVolumePlugins(defaultFilters(), [rejecting]);
    const outcome = failure(scheduler([makeNode('a'), makeNode('b'), makeNode('c')], filters).schedule(makePod('p')));
    expect(outcome.message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
  it('says no nodes are available in an empty cluster', () => {
    expect(failure(scheduler([]).schedule(makePod('p'))).message).toBe('no nodes available to schedule pods');
  });
  it('reports preemptionPolicy: Never in the preemption part', () => {
    const outcome = failure(scheduler([makeNode('cp', { taints: [CONTROL_PLANE_TAINT] })]).schedule(makePod('p', { preemptionPolicy: 'Never' })));
    expect(outcome.message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
});

describe('Scheduler: binding and plugins', () => {
  it('binds the pod, updates the state and calls reserve on every plugin', () => {
    const reserved: string[] = [];
    const recorder: FilterPlugin = { name: 'VolumeBinding', filter: () => ({ ok: true }), reserve: (pod, node) => reserved.push(`${pod.name}@${node.name}`) };
    const sched = scheduler([makeNode('a')], insertVolumePlugins(defaultFilters(), [recorder]));
    const pod = makePod('p', { containers: [container({ cpu: '500m' })] });
    const outcome = sched.schedule(pod);
    expect(outcome).toMatchObject({ ok: true, node: { name: 'a' } });
    expect(pod.nodeName).toBe('a');
    expect(sched.state.podsOn('a')).toEqual([pod]);
    expect(sched.state.requested('a')).toEqual({ cpu: 500 });
    expect(reserved).toEqual(['p@a']);
  });
  it('inserts volume plugins after NodeResourcesFit and before PodTopologySpread (§3.1)', () => {
    const v: FilterPlugin = { name: 'VolumeZone', filter: () => ({ ok: true }) };
    expect(insertVolumePlugins(defaultFilters(), [v]).map((f) => f.name)).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodePorts',
      'NodeResourcesFit',
      'VolumeZone',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
  });
  it('stops at the first failing filter of a node', () => {
    const node = makeNode('cp', { taints: [CONTROL_PLANE_TAINT], allocatable: { cpu: '1', memory: '1Gi' } });
    const outcome = failure(scheduler([node]).schedule(makePod('p', { containers: [container({ cpu: '2' })] })));
    expect(outcome.message).not.toContain('Insufficient cpu');
  });
});

describe('Scheduler: pods the scheduler does not place (§3.3, §3.10)', () => {
  it('leaves gated pods Pending with SchedulingGated', () => {
    const outcome = failure(scheduler([makeNode('a')]).schedule(makePod('p', { schedulingGates: [{ name: 'example.com/wait' }] })));
    expect(outcome).toMatchObject({ reason: 'SchedulingGated', message: SCHEDULING_GATED_MESSAGE });
  });
  it('reports pods for another scheduler', () => {
    const outcome = failure(scheduler([makeNode('a')]).schedule(makePod('p', { schedulerName: 'volcano' })));
    expect(outcome.reason).toBe('NoScheduler');
    expect(outcome.message).toContain('"volcano"');
    expect(scheduler([makeNode('a')]).schedule(makePod('q', { schedulerName: 'default-scheduler' })).ok).toBe(true);
  });
  it('binds a preset nodeName that fits, bypassing filters (even a taint)', () => {
    const sched = scheduler([makeNode('cp', { taints: [CONTROL_PLANE_TAINT] })]);
    const pod = makePod('p', { nodeName: 'cp' });
    expect(sched.schedule(pod)).toMatchObject({ ok: true, node: { name: 'cp' } });
    expect(sched.state.podsOn('cp')).toEqual([pod]);
  });
  it('reports an unknown preset node', () => {
    const outcome = failure(scheduler([makeNode('a')]).schedule(makePod('p', { nodeName: 'ghost' })));
    expect(outcome.reason).toBe('NodeNotFound');
    expect(outcome.message).toContain('"ghost"');
  });
  it("rejects a preset node without room with the kubelet's OutOfcpu message", () => {
    const sched = scheduler([makeNode('a', { allocatable: { cpu: '1', memory: '1Gi' } })]);
    sched.state.bind(makePod('x', { containers: [container({ cpu: '500m' })] }), 'a');
    const outcome = failure(sched.schedule(makePod('p', { nodeName: 'a', containers: [container({ cpu: '800m' })] })));
    expect(outcome).toMatchObject({
      reason: 'OutOfResources',
      kubeletReason: 'OutOfcpu',
      message: "Pod Node didn't have enough resource: cpu, requested: 800, used: 500, capacity: 1000",
    });
  });
  it("rejects a preset node whose labels the pod's nodeSelector does not match, as the kubelet's GeneralPredicates do", () => {
    const sched = scheduler([makeNode('a', { labels: { disktype: 'hdd' } })]);
    const outcome = failure(sched.schedule(makePod('p', { nodeName: 'a', nodeSelector: { disktype: 'ssd' } })));
    expect(outcome).toMatchObject({ reason: 'KubeletRejected', kubeletReason: 'NodeAffinity' });
    expect(outcome.message).toMatch(/^Predicate NodeAffinity failed: /);
    expect(sched.state.podsOn('a')).toEqual([]);
  });
  it('rejects a preset node whose host port is taken', () => {
    const sched = scheduler([makeNode('a')]);
    const ports = { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    expect(sched.schedule(makePod('first', { nodeName: 'a', ...ports })).ok).toBe(true);
    expect(failure(sched.schedule(makePod('second', { nodeName: 'a', ...ports })))).toMatchObject({ reason: 'KubeletRejected', kubeletReason: 'NodePorts' });
  });
});

describe('Scheduler: workloads over several nodes', () => {
  const hostnameAnti = {
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }],
      },
    },
  };
  it('spreads 3 anti-affine replicas over 3 nodes and leaves the 4th Pending', () => {
    const sched = scheduler([makeNode('n1'), makeNode('n2'), makeNode('n3')]);
    const pods = replicas('web', 4, hostnameAnti);
    const outcomes = pods.map((p) => sched.schedule(p));
    expect(outcomes.slice(0, 3).map((o) => (o.ok ? o.node.name : o.message)).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(failure(outcomes[3]).message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. " +
        'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });
  it('spreads over zones with maxSkew 1 and then rejects the overloaded zone', () => {
    const nodes = [
      makeNode('a1', { labels: { 'topology.kubernetes.io/zone': 'a' }, allocatable: { cpu: '4', memory: '8Gi' } }),
      makeNode('a2', { labels: { 'topology.kubernetes.io/zone': 'a' }, allocatable: { cpu: '4', memory: '8Gi' } }),
      makeNode('b1', { labels: { 'topology.kubernetes.io/zone': 'b' }, allocatable: { cpu: '1', memory: '8Gi' } }),
    ];
    const sched = scheduler(nodes);
    const spread = {
      containers: [container({ cpu: '1' })],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } },
      ],
    };
    const outcomes = replicas('web', 4, spread).map((p) => sched.schedule(p));
    const zoneOf = (o: (typeof outcomes)[number]) => (o.ok ? o.node.labels['topology.kubernetes.io/zone'] : 'pending');
    expect(outcomes.slice(0, 3).map(zoneOf).sort()).toEqual(['a', 'a', 'b']);
    // Zone a holds 2, zone b is full: a → 2+1−1 = 2 > 1; b1 has no cpu left.
    expect(failure(outcomes[3]).message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match pod topology spread constraints. " +
        'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });
  it('fills nodes with hostPort pods one per node', () => {
    const sched = scheduler([makeNode('n1'), makeNode('n2')]);
    const spec = { containers: [container({}, { ports: [{ containerPort: 80, hostPort: 80 }] })] };
    const outcomes = replicas('proxy', 3, spec).map((p) => sched.schedule(p));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    expect(failure(outcomes[2]).message).toBe(
      "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. " +
        'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });
  it('evaluates only the pinned node of a DaemonSet pod and counts the others as absent', () => {
    const nodes = [makeNode('a'), makeNode('b', { allocatable: { cpu: '100m', memory: '1Gi' } }), makeNode('c')];
    const pinned: SimPod = makePod('ds-b', {
      containers: [container({ cpu: '200m' })],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }],
          },
        },
      },
    });
    const outcome = failure(scheduler(nodes).schedule(pinned));
    expect(outcome.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });
  it('stops filtering after numFeasibleNodesToFind feasible nodes on large clusters', () => {
    expect(numFeasibleNodesToFind(50)).toBe(50);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(1000, 100)).toBe(1000);
  });
});
