/** Builders for storage tests: nodes, classes, pods and a VolumeBinder over YAML text. */
import { podTemplateOf } from '../../../src/k8s/pod-template.js';
import type { ObjectGraph } from '../../../src/resolver/graph.js';
import type { Manifest } from '../../../src/resolver/manifest.js';
import type { SimNode, SimPod, SimStorageClass } from '../../../src/sim/model.js';
import type { FilterPlugin, FilterStatus } from '../../../src/sim/scheduler/framework.js';
import { VolumeBinder } from '../../../src/sim/storage/binder.js';
import { claimsFromInput } from '../../../src/sim/storage/claims.js';
import { storageClassesOf } from '../../../src/sim/storage/classes.js';
import { graphOfYaml } from './profile.js';

/** A worker node in a zone. */
export function zonedNode(name: string, zone: string, labels: Record<string, string> = {}): SimNode {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone, ...labels },
    taints: [],
    allocatable: { cpu: 4000, memory: 16 * 2 ** 30, pods: 110 },
    unschedulable: false,
  };
}

/** node-1..node-3 in zone-a..zone-c, as the default profile has them. */
export const NODES: readonly SimNode[] = [zonedNode('node-1', 'zone-a'), zonedNode('node-2', 'zone-b'), zonedNode('node-3', 'zone-c')];

/** A built-in (manifest-less) class: dynamic provisioning, WaitForFirstConsumer, default — the default profile's `standard`. */
export function builtInClass(name = 'standard', extra: Partial<SimStorageClass> = {}): SimStorageClass {
  return { name, provisioner: 'drydock.io/simulated', volumeBindingMode: 'WaitForFirstConsumer', isDefault: true, allowedTopologies: [], ...extra };
}

export interface StorageSetup {
  graph: ObjectGraph;
  binder: VolumeBinder;
  plugins: Record<'VolumeRestrictions' | 'VolumeBinding' | 'VolumeZone', FilterPlugin>;
}

/**
 * A VolumeBinder over YAML text: its PVCs, PVs and StorageClasses (plus `classes`, e.g. a built-in
 * one), on `nodes`. Immediate binding has run.
 */
export function storageOf(text: string, options: { classes?: SimStorageClass[]; nodes?: readonly SimNode[] } = {}): StorageSetup {
  const graph = graphOfYaml(text);
  const classes = [...(options.classes ?? []), ...storageClassesOf([...graph.ofKind('StorageClass', 'storage.k8s.io')])];
  const binder = new VolumeBinder(
    { storageClasses: classes, persistentVolumes: [...graph.ofKind('PersistentVolume', '')], nodes: options.nodes ?? NODES },
    claimsFromInput(graph),
  );
  binder.bindImmediate();
  const byName = Object.fromEntries(binder.plugins().map((p) => [p.name, p])) as StorageSetup['plugins'];
  return { graph, binder, plugins: byName };
}

/** The pod of a Pod (or workload) manifest, named `name`, not yet scheduled. */
export function podOf(manifest: Manifest, name = manifest.ref.name): SimPod {
  const template = podTemplateOf(manifest.object);
  if (!template) throw new Error(`${manifest.ref.kind} has no pod template`);
  const spec = structuredClone(template.spec);
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Record<string, { claimName?: string }>[]) : [];
  return {
    name,
    namespace: manifest.ref.namespace ?? 'default',
    owner: { manifest, generated: [] },
    ordinal: 0,
    labels: {},
    spec,
    template,
    requests: {},
    claims: volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : [])),
    status: { phase: 'Pending', ready: false },
  };
}

/** A Pod named `name` mounting the given claims. */
export function podYaml(name: string, claims: readonly string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
${claims.map((c, i) => `    - name: v${i}\n      persistentVolumeClaim:\n        claimName: ${c}`).join('\n')}
`;
}

/**
 * Runs the volume plugins like the scheduler does for one pod: PreFilter, Filter on every node,
 * then (if `place` names a feasible node, or the first feasible one) Reserve there.
 */
export function scheduleWith(setup: StorageSetup, pod: SimPod, nodes: readonly SimNode[] = NODES, place?: string):
  | { preFilter: string }
  | { statuses: Map<string, FilterStatus>; node?: string } {
  const order = [setup.plugins.VolumeRestrictions, setup.plugins.VolumeBinding, setup.plugins.VolumeZone];
  for (const plugin of order) {
    const message = plugin.preFilter?.(pod, undefined as never);
    if (message !== undefined) return { preFilter: message };
  }
  const statuses = new Map<string, FilterStatus>();
  for (const node of nodes) {
    let status: FilterStatus = { ok: true };
    for (const plugin of order) {
      status = plugin.filter(pod, node, undefined as never);
      if (!status.ok) break;
    }
    statuses.set(node.name, status);
  }
  const chosen = nodes.find((n) => statuses.get(n.name)!.ok && (place === undefined || n.name === place));
  if (!chosen) return { statuses };
  pod.nodeName = chosen.name;
  for (const plugin of order) plugin.reserve?.(pod, chosen, undefined as never);
  return { statuses, node: chosen.name };
}
