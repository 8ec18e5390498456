import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../../src/sim/model.js';
import { NAME_ALPHABET } from '../../../src/sim/naming.js';
import { node, reconcileYaml } from '../helpers/controllers.js';

const ds = (podSpecExtra = '', specExtra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluentd, namespace: kube-system}
spec:
${specExtra}  selector: {matchLabels: {name: fluentd}}
  template:
    metadata: {labels: {name: fluentd}}
    spec:
${podSpecExtra}      tolerations:
        - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
        - {key: dedicated, operator: Equal, value: logging, effect: NoSchedule}
      containers: [{name: fluentd, image: fluentd}]
`;

const NODES: SimNode[] = [
  node('node-1'),
  node('node-2'),
  node('node-3'),
  node('cp-1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' }] }),
];

/** Fake eligibility: nodes without taints, or whose taints a toleration names by key. */
function eligible(spec: Record<string, unknown>, n: SimNode): boolean {
  const keys = new Set((spec.tolerations as { key?: string }[]).map((t) => t.key));
  return n.taints.every((t) => keys.has(t.key));
}

describe('DaemonSet controller (§4.5)', () => {
  it('creates one pod <ds>-<5 chars> per eligible node, pinned with matchFields metadata.name', () => {
    const [w] = reconcileYaml(ds(), { nodes: NODES, daemonEligible: eligible }).workloads;
    expect(w.eligibleNodes).toEqual(['node-1', 'node-2', 'node-3']);
    expect(w.desiredReplicas).toBe(3);
    expect(w.pods).toHaveLength(3);
    w.pods.forEach((p, i) => {
      expect(p.name).toMatch(new RegExp(`^fluentd-[${NAME_ALPHABET}]{5}$`));
      expect(p.ordinal).toBe(i);
      expect(p.spec.affinity).toEqual({
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [NODES[i].name] }] }],
          },
        },
      });
    });
    expect(w.pods[0].labels).toMatchObject({ name: 'fluentd', 'pod-template-generation': '1' });
    expect(w.pods[0].labels['controller-revision-hash']).toMatch(/^[456789bcdf]+$/);
    expect(w.strategy).toEqual({
      type: 'RollingUpdate',
      maxSurge: { raw: 0, defaulted: true, resolved: 0 },
      maxUnavailable: { raw: 1, defaulted: true, resolved: 1 },
    });
  });

  it('adds the controller tolerations, replacing a matching one and keeping the others', () => {
    let seen: Record<string, unknown> | undefined;
    const { pods } = reconcileYaml(ds(), {
      nodes: [node('node-1')],
      daemonEligible: (spec) => {
        seen = spec;
        return true;
      },
    });
    const expected = [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'dedicated', operator: 'Equal', value: 'logging', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ];
    expect(seen?.tolerations).toEqual(expected);
    expect(seen?.affinity).toBeUndefined(); // eligibility sees the pod before it is pinned
    expect(pods[0].spec.tolerations).toEqual(expected);
  });

  it('adds network-unavailable only for hostNetwork pods', () => {
    const { pods } = reconcileYaml(ds('      hostNetwork: true\n'), { nodes: [node('node-1')] });
    expect(pods[0].spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });

  it('replaces existing required node affinity terms with the pin and keeps preferred ones', () => {
    const affinity = `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]}]
          preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: a, operator: Exists}]}}]
`;
    const { pods } = reconcileYaml(ds(affinity), { nodes: [node('node-2')] });
    const nodeAffinity = (pods[0].spec.affinity as { nodeAffinity: Record<string, unknown> }).nodeAffinity;
    expect(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }],
    });
    expect(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });

  it('creates nothing, with a note, when no node is eligible; resolves percentages against eligible nodes (rounding up)', () => {
    const none = reconcileYaml(ds(), { nodes: NODES, daemonEligible: () => false }).workloads[0];
    expect(none.pods).toEqual([]);
    expect(none.eligibleNodes).toEqual([]);
    expect(none.notes.join()).toContain('no node of the 4 in the cluster is eligible');
    const strategy = '  updateStrategy:\n    rollingUpdate: {maxUnavailable: 10%, maxSurge: 30%}\n';
    const [w] = reconcileYaml(ds('', strategy), { nodes: NODES }).workloads;
    expect(w.strategy?.maxUnavailable).toEqual({ raw: '10%', defaulted: false, resolved: 1 });
    expect(w.strategy?.maxSurge).toEqual({ raw: '30%', defaulted: false, resolved: 2 });
  });

  it('keeps pod names when nodes are added (names are seeded by node)', () => {
    const two = reconcileYaml(ds(), { nodes: [node('a'), node('b')] }).pods.map((p) => p.name);
    const three = reconcileYaml(ds(), { nodes: [node('a'), node('b'), node('c')] }).pods.map((p) => p.name);
    expect(three.slice(0, 2)).toEqual(two);
  });
});
