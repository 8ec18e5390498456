/**
 * The cluster drydock simulates against when no `--cluster` file is given (issue 5, point 1): a
 * kubeadm-like cluster of three workers in three zones and a tainted control-plane node.
 * Section numbers (§) refer to ../shared/docs/k8s-semantics.md.
 */
import type { ClusterProfile, SimNode, SimStorageClass } from '../model.js';
import { DEFAULT_MAX_PODS } from './node.js';

export const DEFAULT_PROFILE_SOURCE = 'built-in default profile';

/** Provisioner of the default StorageClass: a name no real cluster uses, provisioning dynamically (§5.3). */
export const SIMULATED_PROVISIONER = 'drydock.io/simulated';

const GI = 1024 ** 3;

/**
 * Ephemeral storage each default node offers. Issue 5 lists cpu, memory and pods only, but every
 * real node reports `ephemeral-storage`, and a node without it has allocatable 0 (§3.3), which would
 * make any pod with an ephemeral-storage request or limit "Insufficient ephemeral-storage".
 */
const EPHEMERAL_STORAGE = 100 * GI;

function node(name: string, cpus: number, memoryGi: number, zone: string, extraLabels: Record<string, string> = {}): SimNode {
  return {
    name,
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      ...extraLabels,
      'topology.kubernetes.io/zone': zone,
    },
    taints: [],
    allocatable: { cpu: cpus * 1000, memory: memoryGi * GI, pods: DEFAULT_MAX_PODS, 'ephemeral-storage': EPHEMERAL_STORAGE },
    unschedulable: false,
  };
}

/**
 * A fresh copy of the built-in profile (callers may not share mutable state):
 * - `control-plane`: 2 CPU, 8Gi, 110 pods, zone-a, label `node-role.kubernetes.io/control-plane: ""`
 *   and taint `node-role.kubernetes.io/control-plane:NoSchedule` as kubeadm sets them (§3.5);
 * - `node-1`..`node-3`: 4 CPU, 16Gi, 110 pods, zones zone-a/zone-b/zone-c;
 * - StorageClass `standard`: the default class (§5.1), dynamic provisioning, `WaitForFirstConsumer`.
 * Nodes are sorted by name; there are no PersistentVolumes.
 */
export function defaultProfile(): ClusterProfile {
  const controlPlane = node('control-plane', 2, 8, 'zone-a', { 'node-role.kubernetes.io/control-plane': '' });
  controlPlane.taints.push({ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' });
  const standard: SimStorageClass = {
    name: 'standard',
    provisioner: SIMULATED_PROVISIONER,
    volumeBindingMode: 'WaitForFirstConsumer',
    isDefault: true,
    allowedTopologies: [],
  };
  return {
    source: DEFAULT_PROFILE_SOURCE,
    nodes: [controlPlane, node('node-1', 4, 16, 'zone-a'), node('node-2', 4, 16, 'zone-b'), node('node-3', 4, 16, 'zone-c')],
    storageClasses: [standard],
    persistentVolumes: [],
  };
}
