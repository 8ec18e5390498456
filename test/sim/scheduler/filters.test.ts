import { describe, expect, it } from 'vitest';
import { FITS } from '../../../src/sim/scheduler/framework.js';
import { interPodAffinity } from '../../../src/sim/scheduler/filters/inter-pod-affinity.js';
import { matchesNodeSelectorAndAffinity, nodeAffinity, nodeNamesFromAffinity } from '../../../src/sim/scheduler/filters/node-affinity.js';
import { nodeName } from '../../../src/sim/scheduler/filters/node-name.js';
import { nodePorts } from '../../../src/sim/scheduler/filters/node-ports.js';
import { insufficientResources, nodeResourcesFit } from '../../../src/sim/scheduler/filters/node-resources-fit.js';
import { nodeUnschedulable } from '../../../src/sim/scheduler/filters/node-unschedulable.js';
import { podTopologySpread } from '../../../src/sim/scheduler/filters/pod-topology-spread.js';
import {
  firstUntoleratedTaint,
  taintToleration,
  tolerates,
  tolerationsOf,
} from '../../../src/sim/scheduler/filters/taint-toleration.js';
import { SchedulingState } from '../../../src/sim/scheduler/state.js';
import type { Taint } from '../../../src/sim/model.js';
import { CONTROL_PLANE_TAINT, container, makeNode, makePod } from './helpers.js';

const affinityTerm = (expressions: unknown[], fields: unknown[] = []) => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ ...(expressions.length ? { matchExpressions: expressions } : {}), ...(fields.length ? { matchFields: fields } : {}) }],
      },
    },
  },
});

describe('NodeUnschedulable (§3.1 #1)', () => {
  const cordoned = makeNode('n1', { unschedulable: true });
  const state = new SchedulingState([cordoned]);
  it('filters a cordoned node as UnschedulableAndUnresolvable', () => {
    expect(nodeUnschedulable.filter(makePod('p'), cordoned, state)).toEqual({
      ok: false,
      reasons: ['node(s) were unschedulable'],
      code: 'UnschedulableAndUnresolvable',
    });
  });
  it('lets a pod tolerating node.kubernetes.io/unschedulable:NoSchedule (or everything) through', () => {
    const tolerating = makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulable.filter(tolerating, cordoned, state)).toBe(FITS);
    expect(nodeUnschedulable.filter(makePod('q', { tolerations: [{ operator: 'Exists' }] }), cordoned, state)).toBe(FITS);
  });
});

describe('NodeName (§3.1 #2)', () => {
  it('matches only the requested node', () => {
    const state = new SchedulingState([makeNode('a'), makeNode('b')]);
    const pod = makePod('p', { nodeName: 'a' });
    expect(nodeName.filter(pod, state.nodes[0], state)).toBe(FITS);
    expect(nodeName.filter(pod, state.nodes[1], state)).toMatchObject({ reasons: ["node(s) didn't match the requested node name"] });
  });
});

describe('TaintToleration (§3.5)', () => {
  const taint = (key: string, value: string, effect: Taint['effect']): Taint => ({ key, value, effect });
  it('reports the first untolerated NoSchedule/NoExecute taint with an empty value as {key: }', () => {
    const node = makeNode('cp', { taints: [taint('soft', '', 'PreferNoSchedule'), CONTROL_PLANE_TAINT, taint('gpu', 'true', 'NoSchedule')] });
    const state = new SchedulingState([node]);
    expect(taintToleration.filter(makePod('p'), node, state)).toEqual({
      ok: false,
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      code: 'UnschedulableAndUnresolvable',
    });
    const tolerant = makePod('q', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(taintToleration.filter(tolerant, node, state)).toMatchObject({ reasons: ['node(s) had untolerated taint {gpu: true}'] });
  });
  it('applies Equal/Exists, empty key and effect rules of ToleratesTaint', () => {
    const t = taint('dedicated', 'db', 'NoExecute');
    expect(tolerates([{ key: 'dedicated', value: 'db' }], t)).toBe(true);
    expect(tolerates([{ key: 'dedicated', operator: 'Equal', value: 'web' }], t)).toBe(false);
    expect(tolerates([{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }], t)).toBe(false);
    expect(tolerates([{ operator: 'Exists', effect: 'NoExecute' }], t)).toBe(true);
    expect(firstUntoleratedTaint([t], [], ['NoSchedule'])).toBeUndefined();
  });
  it('parses tolerations once per spec, stringifying YAML scalars', () => {
    const spec = { tolerations: [{ key: 'k', value: 1, effect: 'NoSchedule' }] };
    expect(tolerationsOf(spec)).toEqual([{ key: 'k', value: '1', effect: 'NoSchedule' }]);
    expect(tolerationsOf(spec)).toBe(tolerationsOf(spec));
  });
});

describe('NodeAffinity (§3.4)', () => {
  const node = makeNode('n1', { labels: { disktype: 'ssd', cores: '16', zone: 'a' } });
  const match = (spec: Record<string, unknown>): boolean => matchesNodeSelectorAndAffinity(spec, node);
  it('nodeSelector needs every key=value', () => {
    expect(match({ nodeSelector: { disktype: 'ssd' } })).toBe(true);
    expect(match({ nodeSelector: { disktype: 'ssd', zone: 'b' } })).toBe(false);
  });
  it('supports In/NotIn/Exists/DoesNotExist', () => {
    expect(match(affinityTerm([{ key: 'zone', operator: 'In', values: ['a', 'b'] }]))).toBe(true);
    expect(match(affinityTerm([{ key: 'zone', operator: 'NotIn', values: ['a'] }]))).toBe(false);
    expect(match(affinityTerm([{ key: 'missing', operator: 'NotIn', values: ['a'] }]))).toBe(true);
    expect(match(affinityTerm([{ key: 'disktype', operator: 'Exists' }]))).toBe(true);
    expect(match(affinityTerm([{ key: 'disktype', operator: 'DoesNotExist' }]))).toBe(false);
  });
  it('compares Gt/Lt as integers; a non-integer label never matches', () => {
    expect(match(affinityTerm([{ key: 'cores', operator: 'Gt', values: ['8'] }]))).toBe(true);
    expect(match(affinityTerm([{ key: 'cores', operator: 'Gt', values: ['16'] }]))).toBe(false);
    expect(match(affinityTerm([{ key: 'cores', operator: 'Lt', values: ['100'] }]))).toBe(true);
    expect(match(affinityTerm([{ key: 'zone', operator: 'Gt', values: ['1'] }]))).toBe(false);
  });
  it('matches matchFields metadata.name (how the DaemonSet controller pins pods)', () => {
    const pinned = affinityTerm([], [{ key: 'metadata.name', operator: 'In', values: ['n1'] }]);
    expect(match(pinned)).toBe(true);
    expect(matchesNodeSelectorAndAffinity(pinned, makeNode('n2'))).toBe(false);
    expect(nodeNamesFromAffinity(pinned)).toEqual(new Set(['n1']));
    expect(match(affinityTerm([], [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }]))).toBe(false);
  });
  it('ORs terms, skips empty terms and rejects invalid ones', () => {
    const terms = (nodeSelectorTerms: unknown[]) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
    });
    expect(match(terms([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }]))).toBe(true);
    expect(match(terms([{}]))).toBe(false);
    expect(match(terms([{ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['x'] }] }]))).toBe(false);
  });
  it('fails with the NodeAffinity reason', () => {
    const state = new SchedulingState([node]);
    expect(nodeAffinity.filter(makePod('p', { nodeSelector: { zone: 'b' } }), node, state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
      code: 'UnschedulableAndUnresolvable',
    });
  });
});

describe('NodePorts (§3.6)', () => {
  const withPort = (name: string, port: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
    makePod(name, { containers: [container({}, { ports: [{ containerPort: 80, ...port }] })], ...spec });
  const setup = () => {
    const node = makeNode('n1');
    const state = new SchedulingState([node]);
    return { node, state };
  };
  it('conflicts on the same protocol and port with a wildcard IP', () => {
    const { node, state } = setup();
    state.bind(withPort('a', { hostPort: 8080 }), 'n1');
    expect(nodePorts.filter(withPort('b', { hostPort: 8080 }), node, state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
      code: 'Unschedulable',
    });
    expect(nodePorts.filter(withPort('c', { hostPort: 8080, protocol: 'UDP' }), node, state)).toBe(FITS);
    expect(nodePorts.filter(withPort('d', { hostPort: 8081 }), node, state)).toBe(FITS);
  });
  it('lets different specific host IPs share a port, but not with 0.0.0.0', () => {
    const { node, state } = setup();
    state.bind(withPort('a', { hostPort: 53, hostIP: '10.0.0.1' }), 'n1');
    expect(nodePorts.filter(withPort('b', { hostPort: 53, hostIP: '10.0.0.2' }), node, state)).toBe(FITS);
    expect(nodePorts.filter(withPort('c', { hostPort: 53, hostIP: '10.0.0.1' }), node, state).ok).toBe(false);
    expect(nodePorts.filter(withPort('d', { hostPort: 53 }), node, state).ok).toBe(false);
  });
  it('treats hostNetwork container ports as host ports', () => {
    const { node, state } = setup();
    state.bind(withPort('a', {}, { hostNetwork: true }), 'n1');
    expect(nodePorts.filter(withPort('b', { hostPort: 80 }), node, state).ok).toBe(false);
  });
  it('frees ports on unbind', () => {
    const { node, state } = setup();
    const a = withPort('a', { hostPort: 9000 });
    state.bind(a, 'n1');
    state.unbind(a);
    expect(nodePorts.filter(withPort('b', { hostPort: 9000 }), node, state)).toBe(FITS);
  });
});

describe('NodeResourcesFit (§3.3)', () => {
  it('reports Insufficient cpu and memory from allocatable minus requested', () => {
    const node = makeNode('n1', { allocatable: { cpu: '2', memory: '4Gi' } });
    const state = new SchedulingState([node]);
    state.bind(makePod('a', { containers: [container({ cpu: '1500m', memory: '3Gi' })] }), 'n1');
    const pod = makePod('b', { containers: [container({ cpu: '600m', memory: '1Gi' })] });
    expect(nodeResourcesFit.filter(pod, node, state)).toEqual({ ok: false, reasons: ['Insufficient cpu'], code: 'Unschedulable' });
    const both = makePod('c', { containers: [container({ cpu: '1', memory: '2Gi' })] });
    expect(nodeResourcesFit.filter(both, node, state)).toMatchObject({ reasons: ['Insufficient cpu', 'Insufficient memory'] });
    expect(nodeResourcesFit.filter(makePod('d', { containers: [container({ cpu: '500m', memory: '1Gi' })] }), node, state)).toBe(FITS);
  });
  it('reports Too many pods, even for best-effort pods', () => {
    const node = makeNode('n1', { allocatable: { cpu: '2', memory: '4Gi', pods: '2' } });
    const state = new SchedulingState([node]);
    state.bind(makePod('a'), 'n1');
    state.bind(makePod('b'), 'n1');
    expect(nodeResourcesFit.filter(makePod('c'), node, state)).toMatchObject({ reasons: ['Too many pods'] });
  });
  it('reports extended resources a node does not list', () => {
    const node = makeNode('n1');
    const state = new SchedulingState([node]);
    const gpu = makePod('g', { containers: [container({}, { resources: { limits: { 'nvidia.com/gpu': '1' } } })] });
    expect(gpu.requests['nvidia.com/gpu']).toBe(1);
    expect(nodeResourcesFit.filter(gpu, node, state)).toMatchObject({ reasons: ['Insufficient nvidia.com/gpu'] });
  });
  it('fits the §2.2 init-container example exactly at its effective request (cpu 3, memory 3G)', () => {
    const spec = {
      initContainers: [
        { name: 'ic1', resources: { requests: { cpu: '2', memory: '1G' } } },
        { name: 'ic2', resources: { requests: { cpu: '2', memory: '3G' } } },
      ],
      containers: [
        { name: 'c1', resources: { requests: { cpu: '2', memory: '1G' } } },
        { name: 'c2', resources: { requests: { cpu: '1', memory: '1G' } } },
      ],
    };
    const pod = makePod('p', spec);
    const exact = makeNode('exact', { allocatable: { cpu: '3', memory: '3G' } });
    const small = makeNode('small', { allocatable: { cpu: '3', memory: '2999M' } });
    const state = new SchedulingState([exact, small]);
    expect(nodeResourcesFit.filter(pod, exact, state)).toBe(FITS);
    expect(nodeResourcesFit.filter(pod, small, state)).toMatchObject({ reasons: ['Insufficient memory'] });
  });
  it('counts a sidecar (restartable init container) for the pod lifetime', () => {
    const pod = makePod('p', {
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } }],
      containers: [container({ cpu: '600m' })],
    });
    const node = makeNode('n1', { allocatable: { cpu: '1', memory: '1Gi' } });
    expect(nodeResourcesFit.filter(pod, node, new SchedulingState([node]))).toMatchObject({ reasons: ['Insufficient cpu'] });
  });
  it('lists what does not fit with requested/used/capacity, for kubelet admission', () => {
    expect(insufficientResources({ cpu: 1500 }, { cpu: 2000, pods: 110 }, { cpu: 1000 }, 3)).toEqual([
      { resource: 'cpu', reason: 'Insufficient cpu', requested: 1500, used: 1000, capacity: 2000 },
    ]);
  });
});

describe('PodTopologySpread (§3.7)', () => {
  const zoneSpread = (extra: Record<string, unknown> = {}) => ({
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra },
    ],
  });
  const zones = () => [
    makeNode('a1', { labels: { 'topology.kubernetes.io/zone': 'a' } }),
    makeNode('b1', { labels: { 'topology.kubernetes.io/zone': 'b' } }),
    makeNode('c1', { labels: { 'topology.kubernetes.io/zone': 'c' } }),
    makeNode('nozone'),
  ];
  const web = (name: string, spec: Record<string, unknown> = zoneSpread()) => makePod(name, spec, { labels: { app: 'web' } });

  it('rejects a node whose zone would exceed maxSkew 1 and nodes missing the label', () => {
    const nodes = zones();
    const state = new SchedulingState(nodes);
    state.bind(web('w0'), 'a1');
    const pod = web('w1');
    expect(podTopologySpread.filter(pod, nodes[0], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match pod topology spread constraints"],
      code: 'Unschedulable',
    });
    expect(podTopologySpread.filter(pod, nodes[1], state)).toBe(FITS);
    expect(podTopologySpread.filter(pod, nodes[3], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
      code: 'UnschedulableAndUnresolvable',
    });
  });
  it('counts only pods matching the selector in the same namespace', () => {
    const nodes = zones();
    const state = new SchedulingState(nodes);
    state.bind(makePod('other', {}, { labels: { app: 'db' } }), 'a1');
    state.bind(makePod('elsewhere', {}, { labels: { app: 'web' }, namespace: 'prod' }), 'a1');
    expect(podTopologySpread.filter(web('w'), nodes[0], state)).toBe(FITS);
  });
  it('with minDomains above the domain count, the global minimum is 0', () => {
    const nodes = zones().slice(0, 2);
    const state = new SchedulingState(nodes);
    state.bind(web('w0'), 'a1');
    state.bind(web('w1'), 'b1');
    const pod = web('w2', zoneSpread({ minDomains: 3 }));
    // count 1 + self 1 − min 0 = 2 > 1 everywhere.
    expect(podTopologySpread.filter(pod, nodes[0], state).ok).toBe(false);
    expect(podTopologySpread.filter(pod, nodes[1], state).ok).toBe(false);
    expect(podTopologySpread.filter(web('w3'), nodes[0], state)).toBe(FITS);
  });
  it('honors the pod node affinity when choosing eligible domains (nodeAffinityPolicy Honor)', () => {
    const nodes = zones().slice(0, 2);
    const state = new SchedulingState(nodes);
    state.bind(web('w0'), 'a1');
    // Zone b is excluded by the pod's nodeSelector, so zone a is the only domain: skew 1 + 1 − 1 = 1.
    const pod = web('w1', { ...zoneSpread(), nodeSelector: { 'topology.kubernetes.io/zone': 'a' } });
    expect(podTopologySpread.filter(pod, nodes[0], state)).toBe(FITS);
    const ignoring = web('w2', { ...zoneSpread({ nodeAffinityPolicy: 'Ignore' }), nodeSelector: { 'topology.kubernetes.io/zone': 'a' } });
    expect(podTopologySpread.filter(ignoring, nodes[0], state).ok).toBe(false);
  });
  it('merges matchLabelKeys values from the incoming pod', () => {
    const nodes = zones().slice(0, 2);
    const state = new SchedulingState(nodes);
    state.bind(makePod('old', {}, { labels: { app: 'web', 'pod-template-hash': 'v1' } }), 'a1');
    const pod = makePod('new', zoneSpread({ matchLabelKeys: ['pod-template-hash'] }), { labels: { app: 'web', 'pod-template-hash': 'v2' } });
    expect(podTopologySpread.filter(pod, nodes[0], state)).toBe(FITS);
  });
});

describe('InterPodAffinity (§3.8)', () => {
  const anti = (app: string, topologyKey = 'kubernetes.io/hostname') => ({
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey, labelSelector: { matchLabels: { app } } }] } },
  });
  const affinity = (app: string, topologyKey = 'kubernetes.io/hostname') => ({
    affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey, labelSelector: { matchLabels: { app } } }] } },
  });
  it('rejects a node holding a pod the anti-affinity term matches', () => {
    const nodes = [makeNode('n1'), makeNode('n2')];
    const state = new SchedulingState(nodes);
    state.bind(makePod('web-0', anti('web'), { labels: { app: 'web' } }), 'n1');
    const pod = makePod('web-1', anti('web'), { labels: { app: 'web' } });
    expect(interPodAffinity.filter(pod, nodes[0], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match pod anti-affinity rules"],
      code: 'Unschedulable',
    });
    expect(interPodAffinity.filter(pod, nodes[1], state)).toBe(FITS);
  });
  it("honors existing pods' anti-affinity (symmetry)", () => {
    const nodes = [makeNode('n1', { labels: { zone: 'a' } }), makeNode('n2', { labels: { zone: 'a' } }), makeNode('n3', { labels: { zone: 'b' } })];
    const state = new SchedulingState(nodes);
    state.bind(makePod('loner', anti('noisy', 'zone'), { labels: { app: 'loner' } }), 'n1');
    const noisy = makePod('noisy', {}, { labels: { app: 'noisy' } });
    expect(interPodAffinity.filter(noisy, nodes[1], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
      code: 'Unschedulable',
    });
    expect(interPodAffinity.filter(noisy, nodes[2], state)).toBe(FITS);
  });
  it('requires a matching pod in the domain, except for the first pod of a self-affine group', () => {
    const nodes = [makeNode('n1'), makeNode('n2')];
    const state = new SchedulingState(nodes);
    const first = makePod('cache-0', affinity('cache'), { labels: { app: 'cache' } });
    expect(interPodAffinity.filter(first, nodes[0], state)).toBe(FITS);
    const stranger = makePod('client', affinity('cache'), { labels: { app: 'client' } });
    expect(interPodAffinity.filter(stranger, nodes[0], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match pod affinity rules"],
      code: 'UnschedulableAndUnresolvable',
    });
    state.bind(first, 'n1');
    expect(interPodAffinity.filter(stranger, nodes[0], state)).toBe(FITS);
    expect(interPodAffinity.filter(stranger, nodes[1], state).ok).toBe(false);
  });
  it('looks in other namespaces through namespaces and namespaceSelector', () => {
    const nodes = [makeNode('n1')];
    const state = new SchedulingState(nodes, { namespaceLabels: (ns): Record<string, string> => (ns === 'prod' ? { env: 'prod' } : {}) });
    state.bind(makePod('db', {}, { labels: { app: 'db' }, namespace: 'prod' }), 'n1');
    const term = (extra: Record<string, unknown>) => ({
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } }, ...extra }],
        },
      },
    });
    expect(interPodAffinity.filter(makePod('a', term({})), nodes[0], state)).toBe(FITS);
    expect(interPodAffinity.filter(makePod('b', term({ namespaces: ['prod'] })), nodes[0], state).ok).toBe(false);
    expect(interPodAffinity.filter(makePod('c', term({ namespaceSelector: { matchLabels: { env: 'prod' } } })), nodes[0], state).ok).toBe(false);
    expect(interPodAffinity.filter(makePod('d', term({ namespaceSelector: {} })), nodes[0], state).ok).toBe(false);
  });
});

describe('review fixes: scheduler filters', () => {
  it('InterPodAffinity: matchLabelKeys on a term without labelSelector still matches no pod (nil selector matches none)', () => {
    // pkg/registry/core/pod/strategy.go (applyMatchLabelKeysAndMismatchLabelKeys): label keys are not
    // merged into a nil LabelSelector, which matches nothing.
    const nodes = [makeNode('n1'), makeNode('n2')];
    const state = new SchedulingState(nodes);
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['app'] }],
        },
      },
    };
    state.bind(makePod('web-0', spec, { labels: { app: 'web' } }), 'n1');
    expect(interPodAffinity.filter(makePod('web-1', spec, { labels: { app: 'web' } }), nodes[0], state)).toBe(FITS);
  });

  it('InterPodAffinity: a matchLabelKeys key named like an Object.prototype member is not taken from the prototype', () => {
    const nodes = [makeNode('n1')];
    const state = new SchedulingState(nodes);
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['constructor'] },
          ],
        },
      },
    };
    state.bind(makePod('web-0', {}, { labels: { app: 'web' } }), 'n1');
    expect(interPodAffinity.filter(makePod('web-1', spec, { labels: { app: 'web' } }), nodes[0], state).ok).toBe(false);
  });

  it('PodTopologySpread: an empty labelSelector counts no pod (countPodsMatchSelector returns 0 for an empty selector)', () => {
    const nodes = [makeNode('a1', { labels: { zone: 'a' } }), makeNode('b1', { labels: { zone: 'b' } })];
    const state = new SchedulingState(nodes);
    const spec = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} }] };
    state.bind(makePod('w0', spec, { labels: { app: 'web' } }), 'a1');
    state.bind(makePod('w1', spec, { labels: { app: 'web' } }), 'a1');
    expect(podTopologySpread.filter(makePod('w2', spec, { labels: { app: 'web' } }), nodes[0], state)).toBe(FITS);
  });

  it('PodTopologySpread: a topologyKey named like an Object.prototype member is missing on nodes without that label', () => {
    const nodes = [makeNode('n1')];
    const state = new SchedulingState(nodes);
    const spec = {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'constructor', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
    };
    expect(podTopologySpread.filter(makePod('w', spec, { labels: { app: 'web' } }), nodes[0], state)).toEqual({
      ok: false,
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
      code: 'UnschedulableAndUnresolvable',
    });
  });

  it('NodeAffinity: Gt/Lt values outside int64 never match (strconv.ParseInt fails)', () => {
    const node = makeNode('n1', { labels: { big: '9223372036854775808', small: '5' } });
    const term = (key: string, operator: string, value: string) => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values: [value] }] }] },
        },
      },
    });
    expect(matchesNodeSelectorAndAffinity(term('big', 'Gt', '1'), node)).toBe(false);
    expect(matchesNodeSelectorAndAffinity(term('small', 'Lt', '9223372036854775808'), node)).toBe(false);
    expect(matchesNodeSelectorAndAffinity(term('small', 'Lt', '9223372036854775807'), node)).toBe(true);
    expect(matchesNodeSelectorAndAffinity(term('small', 'Gt', '-9223372036854775808'), node)).toBe(true);
  });

  it('NodeResourcesFit: a kubernetes.io-prefixed resource name is a scalar resource checked against allocatable', () => {
    const node = makeNode('n1');
    const state = new SchedulingState([node]);
    const pod = makePod('p', { containers: [container({ 'example.kubernetes.io/widget': '1' })] });
    expect(nodeResourcesFit.filter(pod, node, state)).toEqual({
      ok: false,
      reasons: ['Insufficient example.kubernetes.io/widget'],
      code: 'Unschedulable',
    });
  });

  it('NodePorts: hostIP "::" is a specific address for the scheduler (only an empty IP or 0.0.0.0 is a wildcard)', () => {
    const node = makeNode('n1');
    const state = new SchedulingState([node]);
    const port = (hostIP: string) => ({ containers: [container({}, { ports: [{ containerPort: 80, hostPort: 8080, hostIP }] })] });
    state.bind(makePod('a', port('::')), 'n1');
    expect(nodePorts.filter(makePod('b', port('10.0.0.1')), node, state)).toBe(FITS);
    expect(nodePorts.filter(makePod('c', port('::')), node, state).ok).toBe(false);
    expect(nodePorts.filter(makePod('d', port('0.0.0.0')), node, state).ok).toBe(false);
  });
});
