import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterProfile, SimNode } from '../../src/sim/model.js';
import { defaultProfile, isProfileProblem, loadClusterFile, nodeFromObject, withInput, type ProfileProblem } from '../../src/sim/profile.js';
import { ROOT } from '../helpers/rule-tester.js';
import { graphOfYaml, manifestOfYaml } from './helpers/profile.js';

const GI = 1024 ** 3;
const CLUSTERS = 'test/fixtures/sim/clusters';

function node(yaml: string): SimNode {
  const result = nodeFromObject(manifestOfYaml(yaml));
  if (isProfileProblem(result)) throw new Error(result.message);
  return result;
}

function problem(yaml: string): ProfileProblem {
  const result = nodeFromObject(manifestOfYaml(yaml));
  if (!isProfileProblem(result)) throw new Error(`expected a problem, got node ${result.name}`);
  return result;
}

function load(file: string): ClusterProfile {
  const result = loadClusterFile(file, ROOT);
  if ('error' in result) throw new Error(result.error);
  return result.profile;
}

function loadError(text: string, name = 'cluster.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cluster-'));
  writeFileSync(path.join(dir, name), text);
  const result = loadClusterFile(name, dir);
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
}

const NODE_HEAD = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n';

describe('defaultProfile (issue 5, point 1)', () => {
  it('has a control-plane node and three workers, sorted by name', () => {
    const profile = defaultProfile();
    expect(profile.source).toBe('built-in default profile');
    expect(profile.nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(profile.persistentVolumes).toEqual([]);
  });

  it('gives each worker 4 CPU, 16Gi and 110 pods, with the well-known labels and one zone each', () => {
    const workers = defaultProfile().nodes.slice(1);
    for (const [i, w] of workers.entries()) {
      expect(w.allocatable).toMatchObject({ cpu: 4000, memory: 16 * GI, pods: 110 });
      expect(w.labels).toEqual({
        'kubernetes.io/hostname': w.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': ['zone-a', 'zone-b', 'zone-c'][i],
      });
      expect(w.taints).toEqual([]);
      expect(w.unschedulable).toBe(false);
      expect(w.manifest).toBeUndefined();
    }
  });

  it('taints the control-plane node (2 CPU, 8Gi) node-role.kubernetes.io/control-plane:NoSchedule (§3.5)', () => {
    const cp = defaultProfile().nodes[0];
    expect(cp.allocatable).toMatchObject({ cpu: 2000, memory: 8 * GI, pods: 110 });
    expect(cp.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'control-plane', 'topology.kubernetes.io/zone': 'zone-a' });
    expect(cp.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' }]);
  });

  it('offers ephemeral storage, so pods requesting some are not "Insufficient ephemeral-storage" (§3.3)', () => {
    for (const n of defaultProfile().nodes) expect(n.allocatable['ephemeral-storage']).toBe(100 * GI);
  });

  it('has the default StorageClass standard: dynamic provisioning, WaitForFirstConsumer (§5.1, §5.3)', () => {
    expect(defaultProfile().storageClasses).toEqual([
      { name: 'standard', provisioner: 'drydock.io/simulated', volumeBindingMode: 'WaitForFirstConsumer', isDefault: true, allowedTopologies: [] },
    ]);
  });

  it('returns a fresh copy each time', () => {
    const first = defaultProfile();
    first.nodes[1].allocatable.cpu = 1;
    first.nodes[0].taints.length = 0;
    const second = defaultProfile();
    expect(second.nodes[1].allocatable.cpu).toBe(4000);
    expect(second.nodes[0].taints).toHaveLength(1);
  });
});

describe('nodeFromObject', () => {
  it('reads allocatable quantities: cpu in millicores, memory in bytes, extended resources in units (§1.2)', () => {
    const n = node(`${NODE_HEAD}status:\n  allocatable:\n    cpu: 3800m\n    memory: 15Gi\n    nvidia.com/gpu: "2"\n    pods: "58"\n`);
    expect(n.allocatable).toEqual({ cpu: 3800, memory: 15 * GI, 'nvidia.com/gpu': 2, pods: 58 });
  });

  it('uses allocatable, not capacity, and falls back to capacity per resource (§3.3)', () => {
    const n = node(`${NODE_HEAD}status:\n  capacity:\n    cpu: "4"\n    memory: 16Gi\n    pods: "110"\n  allocatable:\n    cpu: 3500m\n`);
    expect(n.allocatable).toEqual({ cpu: 3500, memory: 16 * GI, pods: 110 });
    const onlyCapacity = node(`${NODE_HEAD}status:\n  capacity:\n    cpu: 2\n    memory: 1Gi\n`);
    expect(onlyCapacity.allocatable).toMatchObject({ cpu: 2000, memory: GI });
  });

  it('defaults pods to 110, kubelet\'s maxPods (§3.3)', () => {
    expect(node(`${NODE_HEAD}status:\n  allocatable:\n    cpu: "1"\n`).allocatable.pods).toBe(110);
  });

  it('keeps labels as strings and defaults kubernetes.io/hostname to the node name', () => {
    const n = node(`${NODE_HEAD}  labels:\n    disktype: ssd\n    tier: 2\nstatus:\n  allocatable:\n    cpu: "1"\n`);
    expect(n.labels).toEqual({ disktype: 'ssd', tier: '2', 'kubernetes.io/hostname': 'n1' });
    const named = node(`${NODE_HEAD}  labels:\n    kubernetes.io/hostname: host-7\nstatus:\n  allocatable:\n    cpu: "1"\n`);
    expect(named.labels['kubernetes.io/hostname']).toBe('host-7');
  });

  it('reads spec.taints in order with an empty value by default (§3.5)', () => {
    const n = node(
      `${NODE_HEAD}spec:\n  taints:\n    - key: dedicated\n      value: gpu\n      effect: NoSchedule\n    - key: spot\n      effect: PreferNoSchedule\n    - key: maintenance\n      effect: NoExecute\nstatus:\n  allocatable:\n    cpu: "1"\n`,
    );
    expect(n.taints).toEqual([
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'spot', value: '', effect: 'PreferNoSchedule' },
      { key: 'maintenance', value: '', effect: 'NoExecute' },
    ]);
  });

  it('reports a taint with an unknown effect or no key', () => {
    const bad = problem(`${NODE_HEAD}spec:\n  taints:\n    - key: dedicated\n      effect: NoScheduling\nstatus:\n  allocatable:\n    cpu: "1"\n`);
    expect(bad.path).toEqual(['spec', 'taints', 0]);
    expect(bad.message).toBe('Node "n1": taint "dedicated" has effect "NoScheduling": Unsupported value, supported values: "NoSchedule", "PreferNoSchedule", "NoExecute".');
    expect(problem(`${NODE_HEAD}spec:\n  taints:\n    - effect: NoSchedule\nstatus:\n  allocatable:\n    cpu: "1"\n`).message).toMatch(/non-empty key/);
  });

  it('reads spec.unschedulable (a cordoned node, §3.1)', () => {
    expect(node(`${NODE_HEAD}spec:\n  unschedulable: true\nstatus:\n  allocatable:\n    cpu: "1"\n`).unschedulable).toBe(true);
    expect(node(`${NODE_HEAD}status:\n  allocatable:\n    cpu: "1"\n`).unschedulable).toBe(false);
  });

  it('taints a node whose Ready condition is False node.kubernetes.io/not-ready:NoSchedule (§3.10)', () => {
    const n = node(`${NODE_HEAD}status:\n  allocatable:\n    cpu: "1"\n  conditions:\n    - type: Ready\n      status: "False"\n      reason: KubeletNotReady\n`);
    expect(n.taints).toEqual([{ key: 'node.kubernetes.io/not-ready', value: '', effect: 'NoSchedule' }]);
  });

  it('adds the other condition taints (unreachable, pressure) but never twice', () => {
    const n = node(
      `${NODE_HEAD}spec:\n  taints:\n    - key: node.kubernetes.io/unreachable\n      effect: NoSchedule\n    - key: node.kubernetes.io/unreachable\n      effect: NoExecute\nstatus:\n  allocatable:\n    cpu: "1"\n  conditions:\n    - type: Ready\n      status: Unknown\n    - type: DiskPressure\n      status: "True"\n    - type: MemoryPressure\n      status: "False"\n`,
    );
    expect(n.taints.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
    ]);
    expect(node(`${NODE_HEAD}status:\n  allocatable:\n    cpu: "1"\n  conditions:\n    - type: Ready\n      status: "True"\n`).taints).toEqual([]);
  });

  it('reports a node without allocatable or capacity, and a bad quantity', () => {
    const none = problem(`${NODE_HEAD}status:\n  conditions: []\n`);
    expect(none.path).toEqual(['metadata', 'name']);
    expect(none.message).toBe('Node "n1" has neither status.allocatable nor status.capacity, so the scheduler cannot tell what fits on it.');
    const bad = problem(`${NODE_HEAD}status:\n  allocatable:\n    cpu: four\n`);
    expect(bad.path).toEqual(['status', 'allocatable', 'cpu']);
    expect(bad.message).toMatch(/^Node "n1": status.allocatable.cpu "four" is not a quantity \(quantities must match the regular expression/);
  });
});

describe('loadClusterFile', () => {
  it('reads a kind: List as kubectl get nodes -o yaml prints it (big-nodes.yaml)', () => {
    const profile = load(`${CLUSTERS}/big-nodes.yaml`);
    expect(profile.source).toBe(`${CLUSTERS}/big-nodes.yaml`);
    expect(profile.nodes.map((n) => n.name)).toEqual(['big-1', 'big-2', 'big-3']);
    for (const n of profile.nodes) {
      expect(n.allocatable).toMatchObject({ cpu: 16000, memory: 64 * GI, pods: 110, 'hugepages-2Mi': 0 });
      expect(n.labels.disktype).toBe('ssd');
      expect(n.taints).toEqual([]);
      expect(n.unschedulable).toBe(false);
    }
    const manifest = profile.nodes[1].manifest!;
    expect(manifest.source.file).toBe(`${CLUSTERS}/big-nodes.yaml`);
    expect(manifest.source.listItem).toBe(1);
    expect(manifest.source.map.rangeOf(['metadata', 'name']).range.startLine).toBe(97);
    expect(profile.storageClasses).toEqual([]);
    expect(profile.persistentVolumes).toEqual([]);
  });

  it('reads GPU nodes with their taint, and a node listing only capacity (gpu.yaml)', () => {
    const profile = load(`${CLUSTERS}/gpu.yaml`);
    expect(profile.nodes.map((n) => n.name)).toEqual(['cpu-1', 'gpu-1', 'gpu-2']);
    const [cpu, gpu] = profile.nodes;
    expect(gpu.allocatable).toEqual({ cpu: 7800, memory: 30 * GI, 'nvidia.com/gpu': 2, pods: 110 });
    expect(gpu.taints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    expect(gpu.labels.accelerator).toBe('nvidia-tesla-t4');
    expect(cpu.allocatable).toEqual({ cpu: 4000, memory: 16 * GI, pods: 110 });
    expect(cpu.labels['kubernetes.io/hostname']).toBe('cpu-1');
  });

  it('reads StorageClasses and PersistentVolumes, ignoring other kinds (with-storage.yaml)', () => {
    const profile = load(`${CLUSTERS}/with-storage.yaml`);
    expect(profile.nodes.map((n) => n.name)).toEqual(['worker-a', 'worker-b']);
    expect(profile.storageClasses).toHaveLength(1);
    expect(profile.storageClasses[0]).toMatchObject({ name: 'fast', provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'Immediate', isDefault: false });
    expect(profile.storageClasses[0].manifest?.source.file).toBe(`${CLUSTERS}/with-storage.yaml`);
    expect(profile.persistentVolumes.map((pv) => pv.ref.name)).toEqual(['pv-fast-10g', 'pv-shared-50g']);
  });

  it('accepts an absolute path', () => {
    expect(load(path.join(ROOT, CLUSTERS, 'gpu.yaml')).nodes).toHaveLength(3);
  });

  it('reports a missing file', () => {
    const result = loadClusterFile('no/such/cluster.yaml', ROOT);
    expect(result).toEqual({ error: 'no/such/cluster.yaml: cannot read the cluster file (no such file)' });
  });

  it('reports a YAML error with its line', () => {
    expect(loadError(`${NODE_HEAD}status:\n  allocatable:\n    cpu: [1, 2\n`)).toMatch(/^cluster\.yaml:7: /);
  });

  it('reports a file without a Node', () => {
    expect(loadError('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n')).toBe(
      'cluster.yaml:1: no Node object in the cluster file (found only Namespace); list the cluster\'s nodes, e.g. with kubectl get nodes -o yaml',
    );
    expect(loadError('# nothing\n')).toMatch(/^cluster\.yaml:1: no Node object in the cluster file \(found no Kubernetes object\)/);
  });

  it('reports a node without allocatable or capacity at its name', () => {
    const good = `${NODE_HEAD}status:\n  allocatable:\n    cpu: "1"\n---\n`;
    expect(loadError(`${good}apiVersion: v1\nkind: Node\nmetadata:\n  name: n2\n`)).toBe(
      'cluster.yaml:12: Node "n2" has neither status.allocatable nor status.capacity, so the scheduler cannot tell what fits on it.',
    );
  });

  it('reports a bad taint and a node listed twice with their lines', () => {
    expect(loadError(`${NODE_HEAD}spec:\n  taints:\n    - key: a\n      effect: Never\nstatus:\n  capacity:\n    cpu: "1"\n`)).toMatch(/^cluster\.yaml:7: Node "n1": taint "a" has effect "Never"/);
    const twice = `${NODE_HEAD}status:\n  capacity:\n    cpu: "1"\n---\n${NODE_HEAD}status:\n  capacity:\n    cpu: "2"\n`;
    expect(loadError(twice)).toBe('cluster.yaml:12: Node "n1" is listed twice (first at line 4)');
  });

  it('reads JSON as kubectl get nodes -o json prints it', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'j1' }, status: { allocatable: { cpu: '2', memory: '4Gi' } } }] }, null, 2);
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cluster-'));
    writeFileSync(path.join(dir, 'nodes.json'), json);
    const result = loadClusterFile('nodes.json', dir);
    expect('profile' in result && result.profile.nodes[0].allocatable).toEqual({ cpu: 2000, memory: 4 * GI, pods: 110 });
  });
});

describe('withInput', () => {
  const INPUT = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
provisioner: example.com/nfs
volumeBindingMode: Immediate
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: archive
provisioner: example.com/tape
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: data-0
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /data
---
apiVersion: v1
kind: Node
metadata:
  name: extra
status:
  allocatable:
    cpu: "64"
`;

  it('adds the input\'s StorageClasses and PVs; a StorageClass of the same name replaces the profile\'s', () => {
    const profile = withInput(defaultProfile(), graphOfYaml(INPUT));
    expect(profile.storageClasses.map((c) => [c.name, c.provisioner, c.volumeBindingMode])).toEqual([
      ['standard', 'example.com/nfs', 'Immediate'],
      ['archive', 'example.com/tape', 'Immediate'],
    ]);
    expect(profile.persistentVolumes.map((pv) => pv.ref.name)).toEqual(['data-0']);
    expect(profile.source).toBe('built-in default profile');
  });

  it('leaves Nodes of the input out: the profile describes the nodes', () => {
    expect(withInput(defaultProfile(), graphOfYaml(INPUT)).nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('keeps the cluster file\'s PVs, replacing one the input redefines, and does not modify the profile', () => {
    const base = load(`${CLUSTERS}/with-storage.yaml`);
    const input = graphOfYaml('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-fast-10g\nspec:\n  capacity:\n    storage: 20Gi\n');
    const merged = withInput(base, input);
    expect(merged.persistentVolumes.map((pv) => pv.ref.name)).toEqual(['pv-shared-50g', 'pv-fast-10g']);
    expect(merged.persistentVolumes[1].source.file).toBe('input.yaml');
    expect(merged.storageClasses.map((c) => c.name)).toEqual(['fast']);
    expect(base.persistentVolumes.map((pv) => pv.source.file)).toEqual([`${CLUSTERS}/with-storage.yaml`, `${CLUSTERS}/with-storage.yaml`]);
  });

  it('returns the profile unchanged when the input has no storage objects', () => {
    const profile = defaultProfile();
    expect(withInput(profile, graphOfYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'))).toBe(profile);
  });
});
