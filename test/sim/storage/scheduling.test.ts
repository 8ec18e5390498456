import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../../src/sim/model.js';
import { insertVolumePlugins, Scheduler, defaultFilters } from '../../../src/sim/scheduler/scheduler.js';
import { SchedulingState } from '../../../src/sim/scheduler/state.js';
import { VolumeBinder } from '../../../src/sim/storage/binder.js';
import { newClaim } from '../../../src/sim/storage/claims.js';
import {
  READ_WRITE_ONCE_POD_CONFLICT,
  UNBOUND_IMMEDIATE_CLAIMS,
  VOLUME_BIND_CONFLICT,
  VOLUME_NODE_AFFINITY_CONFLICT,
  VOLUME_ZONE_CONFLICT,
} from '../../../src/sim/storage/filters.js';
import { graphOfYaml } from '../helpers/profile.js';
import { builtInClass, NODES, podOf, podYaml, scheduleWith, storageOf } from '../helpers/storage.js';

const pvc = (name: string, extra = '') => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 10Gi}}
${extra}`;
const localPv = (name: string, node: string, extra = '') => `---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity: {storage: 100Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local
  local: {path: /mnt/disk}
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions:
            - {key: kubernetes.io/hostname, operator: In, values: [${node}]}
${extra}`;
const LOCAL = builtInClass('local', { provisioner: 'kubernetes.io/no-provisioner', isDefault: false });

/** A Pod in namespace default mounting `claims`. */
function podNamed(name: string, claims: string[]) {
  return podOf(graphOfYaml(podYaml(name, claims)).manifests[0]);
}

const failures = (result: ReturnType<typeof scheduleWith>) =>
  'statuses' in result ? Object.fromEntries([...result.statuses].map(([n, s]) => [n, s.ok ? 'ok' : s.reasons.join(' | ')])) : result;

describe('VolumeBinding PreFilter (§3.9)', () => {
  it('a missing claim: persistentvolumeclaim "data" not found', () => {
    const setup = storageOf('', { classes: [builtInClass()] });
    expect(scheduleWith(setup, podNamed('web', ['data']))).toEqual({ preFilter: 'persistentvolumeclaim "data" not found' });
  });

  it('a claim the presence policy says may exist elsewhere is not "not found"', () => {
    const binder = new VolumeBinder({ storageClasses: [builtInClass()], persistentVolumes: [], nodes: NODES }, [], () => true);
    const pod = podOf(graphOfYaml(podYaml('web', ['data'])).manifests[0]);
    expect(binder.plugins()[1].preFilter!(pod, undefined as never)).toBeUndefined();
  });

  it('an unbound Immediate claim: pod has unbound immediate PersistentVolumeClaims', () => {
    const setup = storageOf(pvc('data'));
    expect(scheduleWith(setup, podNamed('web', ['data']))).toEqual({ preFilter: UNBOUND_IMMEDIATE_CLAIMS });
  });

  it('gives the kube-scheduler message through the real scheduler (§13 catalogue)', () => {
    const binder = new VolumeBinder({ storageClasses: [builtInClass()], persistentVolumes: [], nodes: NODES }, []);
    const scheduler = new Scheduler(new SchedulingState([...NODES]), insertVolumePlugins(defaultFilters(), binder.plugins()));
    const outcome = scheduler.schedule(podOf(graphOfYaml(podYaml('web', ['data'])).manifests[0]));
    expect(outcome).toMatchObject({
      ok: false,
      message: '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    });
  });
});

describe('WaitForFirstConsumer (§5.3, §5.4)', () => {
  it('provisions at reserve time in the zone of the chosen node; later pods follow the volume', () => {
    const setup = storageOf(pvc('data'), { classes: [builtInClass()] });
    const first = podNamed('a', ['data']);
    expect(scheduleWith(setup, first, NODES, 'node-2')).toMatchObject({ node: 'node-2' });
    const claim = setup.binder.claim('default', 'data')!;
    expect(claim.phase).toBe('Bound');
    expect(setup.binder.volume(claim.boundTo!)?.nodeAffinity?.terms?.map((t) => t.expressions)).toEqual([
      [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }],
    ]);
    const second = podNamed('b', ['data']);
    expect(failures(scheduleWith(setup, second))).toEqual({ 'node-1': VOLUME_NODE_AFFINITY_CONFLICT, 'node-2': 'ok', 'node-3': VOLUME_NODE_AFFINITY_CONFLICT });
    expect(setup.binder.issues()).toEqual([]);
  });

  it('with local PVs, only nodes holding a matching PV fit, and reserve binds that PV', () => {
    const setup = storageOf(localPv('local-2', 'node-2') + pvc('data', '  storageClassName: local\n'), { classes: [LOCAL] });
    expect(setup.binder.claim('default', 'data')?.phase).toBe('Pending');
    const result = scheduleWith(setup, podNamed('db', ['data']));
    expect(failures(result)).toEqual({ 'node-1': VOLUME_BIND_CONFLICT, 'node-2': 'ok', 'node-3': VOLUME_BIND_CONFLICT });
    expect(setup.binder.claim('default', 'data')).toMatchObject({ phase: 'Bound', boundTo: 'local-2' });
  });

  it('one local PV serves one claim: the second claim finds none', () => {
    const setup = storageOf(localPv('local-2', 'node-2') + pvc('a', '  storageClassName: local\n') + pvc('b', '  storageClassName: local\n'), { classes: [LOCAL] });
    scheduleWith(setup, podNamed('pa', ['a']));
    const second = podNamed('pb', ['b']);
    const result = scheduleWith(setup, second);
    expect(failures(result)).toEqual({ 'node-1': VOLUME_BIND_CONFLICT, 'node-2': VOLUME_BIND_CONFLICT, 'node-3': VOLUME_BIND_CONFLICT });
    second.status = { phase: 'Pending', reason: 'Unschedulable', message: "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind.", ready: false };
    const [issue] = setup.binder.issues();
    expect(issue.id).toBe('pvc-unbound');
    expect(issue.message).toBe(
      "PersistentVolumeClaim default/b would stay Pending: waiting for first consumer to be created before binding, and no pod that uses it can be scheduled (pod pb: 0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind.)",
    );
    expect(issue.related.map((r) => r.note)).toEqual(['Pod/default/pb uses the claim']);
  });

  it('never provisions a claim with a selector: without a matching static PV no node fits (checkVolumeProvisions)', () => {
    const setup = storageOf(pvc('data', '  selector: {matchLabels: {tier: gold}}\n'), { classes: [builtInClass()] });
    const result = scheduleWith(setup, podNamed('db', ['data']));
    expect(failures(result)).toEqual({ 'node-1': VOLUME_BIND_CONFLICT, 'node-2': VOLUME_BIND_CONFLICT, 'node-3': VOLUME_BIND_CONFLICT });
    expect(setup.binder.claim('default', 'data')?.phase).toBe('Pending');
  });

  it("provisions only on nodes inside the class's allowedTopologies", () => {
    const zoneC = builtInClass('zonal', { allowedTopologies: [[{ key: 'topology.kubernetes.io/zone', values: ['zone-c'] }]], isDefault: false });
    const setup = storageOf(pvc('data', '  storageClassName: zonal\n'), { classes: [zoneC] });
    expect(failures(scheduleWith(setup, podNamed('web', ['data'])))).toEqual({
      'node-1': VOLUME_BIND_CONFLICT,
      'node-2': VOLUME_BIND_CONFLICT,
      'node-3': 'ok',
    });
  });

  it('reports a claim no node could ever serve, even without a consumer', () => {
    const setup = storageOf(localPv('elsewhere', 'node-9') + pvc('data', '  storageClassName: local\n'), { classes: [LOCAL] });
    const [issue] = setup.binder.issues();
    expect(issue.message).toBe(
      `PersistentVolumeClaim default/data would stay Pending: waiting for first consumer to be created before binding, but no node can serve it once a pod uses it (3 ${VOLUME_BIND_CONFLICT}): StorageClass "local" does not provision volumes (provisioner kubernetes.io/no-provisioner), and no PersistentVolume of class "local" fits: elsewhere has a node affinity that no node of the cluster matches`,
    );
  });

  it('creates the claim of a generic ephemeral volume and binds it with the pod', () => {
    const setup = storageOf('', { classes: [builtInClass()] });
    const pod = podOf(
      graphOfYaml(`apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  containers: [{name: app, image: busybox}]
  volumes:
    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
`).manifests[0],
    );
    expect(scheduleWith(setup, pod)).toMatchObject({ node: 'node-1' });
    expect(setup.binder.claim('default', 'job-scratch')).toMatchObject({ phase: 'Bound', path: ['spec', 'volumes', 0, 'ephemeral', 'volumeClaimTemplate'] });
  });

  it('an ephemeral volume whose claim the API server rejects: waiting for ephemeral volume controller', () => {
    const setup = storageOf('', { classes: [builtInClass()] });
    const pod = podOf(
      graphOfYaml(`apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  containers: [{name: app, image: busybox}]
  volumes:
    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec:
            resources: {requests: {storage: 1Gi}}
`).manifests[0],
    );
    expect(scheduleWith(setup, pod)).toEqual({ preFilter: 'waiting for ephemeral volume controller to create the persistentvolumeclaim "job-scratch"' });
  });
});

describe('bound volumes (§3.9 Filter, §5.4, VolumeZone)', () => {
  it("an Immediate-bound PV with node affinity rejects other nodes: didn't match PersistentVolume's node affinity", () => {
    const setup = storageOf(localPv('local-3', 'node-3') + pvc('data', '  storageClassName: local\n'), {
      classes: [{ ...LOCAL, volumeBindingMode: 'Immediate' }],
    });
    expect(setup.binder.claim('default', 'data')?.boundTo).toBe('local-3');
    expect(failures(scheduleWith(setup, podNamed('web', ['data'])))).toEqual({
      'node-1': VOLUME_NODE_AFFINITY_CONFLICT,
      'node-2': VOLUME_NODE_AFFINITY_CONFLICT,
      'node-3': 'ok',
    });
  });

  it('a zone-labelled PV only serves nodes of its zone', () => {
    const setup = storageOf(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: disk
  labels: {topology.kubernetes.io/zone: zone-a__zone-c}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  csi: {driver: pd.csi.storage.gke.io, volumeHandle: disk}
${pvc('data', '  storageClassName: ""\n')}`);
    expect(failures(scheduleWith(setup, podNamed('web', ['data'])))).toEqual({ 'node-1': 'ok', 'node-2': VOLUME_ZONE_CONFLICT, 'node-3': 'ok' });
  });
});

describe('access modes across pods (§3.1 row 7, §5.5)', () => {
  const rwx = `---
apiVersion: v1
kind: PersistentVolume
metadata: {name: shared}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteMany]
  nfs: {server: nfs, path: /}
`;

  it('ReadWriteOncePod: a second pod fails on every node', () => {
    const setup = storageOf(pvc('data', '  storageClassName: standard\n').replace('[ReadWriteOnce]', '[ReadWriteOncePod]'), { classes: [builtInClass()] });
    scheduleWith(setup, podNamed('a', ['data']));
    const result = scheduleWith(setup, podNamed('b', ['data']));
    expect('statuses' in result && [...result.statuses.values()]).toEqual(
      NODES.map(() => ({ ok: false, reasons: [READ_WRITE_ONCE_POD_CONFLICT], code: 'Unschedulable' })),
    );
  });

  it('ReadWriteOnce: pods on the same node share the volume; a pod on another node hits the Multi-Attach error', () => {
    const setup = storageOf(pvc('data'), { classes: [builtInClass('standard', { volumeBindingMode: 'Immediate' })] });
    const a = podNamed('a', ['data']);
    const b = podNamed('b', ['data']);
    const c = podNamed('c', ['data']);
    scheduleWith(setup, a, NODES, 'node-1');
    scheduleWith(setup, b, NODES, 'node-1');
    scheduleWith(setup, c, NODES, 'node-2');
    const volume = setup.binder.claim('default', 'data')!.boundTo!;
    expect(setup.binder.multiAttachError(a)).toBeUndefined();
    expect(setup.binder.multiAttachError(b)).toBeUndefined();
    expect(setup.binder.multiAttachError(c)).toBe(`Multi-Attach error for volume "${volume}" Volume is already used by pod(s) a, b`);
    const issues = setup.binder.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0].id).toBe('config-error');
    expect(issues[0].at.path).toEqual(['spec', 'volumes', 0, 'persistentVolumeClaim', 'claimName']);
    expect(issues[0].message).toContain(`1 pod(s) of Pod/default/c would stay ContainerCreating: pod c: Multi-Attach error for volume "${volume}"`);
  });

  it('ReadWriteMany (and NFS) volumes are shared across nodes', () => {
    const setup = storageOf(rwx + pvc('data', '  storageClassName: ""\n').replace('[ReadWriteOnce]', '[ReadWriteMany]'));
    const a = podNamed('a', ['data']);
    const b = podNamed('b', ['data']);
    scheduleWith(setup, a, NODES, 'node-1');
    scheduleWith(setup, b, NODES, 'node-2');
    expect(setup.binder.multiAttachError(b)).toBeUndefined();
    expect(setup.binder.issues()).toEqual([]);
  });
});

describe('StatefulSet claim templates', () => {
  it('claims of one template failing alike give one finding at the template', () => {
    const graph = graphOfYaml(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres}]}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`);
    const sts = graph.manifests[0];
    const claims = [0, 1, 2].map((i) => newClaim(sts, ['spec', 'volumeClaimTemplates', 0], `data-db-${i}`, 'default'));
    const nodes: SimNode[] = [...NODES];
    const binder = new VolumeBinder({ storageClasses: [builtInClass()], persistentVolumes: [], nodes }, claims);
    binder.bindImmediate();
    const issues = binder.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0].at).toEqual({ manifest: sts, path: ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'] });
    expect(issues[0].message).toBe(
      `PersistentVolumeClaims default/data-db-0, default/data-db-1, default/data-db-2 (from the claim template of StatefulSet/default/db) would stay Pending: storageclass.storage.k8s.io "fast" not found; the cluster's StorageClasses are "standard" (default "standard")`,
    );
  });
});
