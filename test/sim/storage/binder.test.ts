import { describe, expect, it } from 'vitest';
import { builtInClass, storageOf } from '../helpers/storage.js';

/** A PV; `extra` lines go under `spec:` (indented 2). */
const pv = (name: string, size: string, extra = '', meta = '') => `---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
${meta}spec:
  capacity: {storage: ${size}}
  hostPath: {path: /data/${name}}
${extra}`;
const pvc = (name: string, extra = '  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n', meta = '') => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
${meta}spec:
${extra}`;
const RWO_10 = '  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n';
const NO_CLASS = '  storageClassName: ""\n';
const RWO = '  accessModes: [ReadWriteOnce]\n';

describe('static binding (§5.2)', () => {
  it('binds to the smallest PV that fits', () => {
    const { binder } = storageOf(pv('pv-100', '100Gi', RWO) + pv('pv-20', '20Gi', RWO) + pv('pv-5', '5Gi', RWO) + pvc('data', RWO_10 + NO_CLASS));
    expect(binder.claim('default', 'data')).toMatchObject({ phase: 'Bound', boundTo: 'pv-20' });
    expect(binder.issues()).toEqual([]);
  });

  it('compares sizes exactly across units (10Gi fits 10240Mi)', () => {
    const { binder } = storageOf(pv('pv-a', '10240Mi', RWO) + pvc('data', RWO_10 + NO_CLASS));
    expect(binder.claim('default', 'data')?.boundTo).toBe('pv-a');
  });

  it('needs every access mode of the claim', () => {
    const { binder } = storageOf(pv('pv-rwo', '50Gi', RWO) + pvc('data', '  accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 10Gi}}\n' + NO_CLASS));
    const claim = binder.claim('default', 'data')!;
    expect(claim.phase).toBe('Pending');
    expect(claim.message).toBe('no persistent volumes available for this claim and no storage class is set');
    const [issue] = binder.issues();
    expect(issue.id).toBe('pvc-unbound');
    expect(issue.message).toBe(
      'PersistentVolumeClaim default/data would stay Pending: no persistent volumes available for this claim and no storage class is set; no PersistentVolume without a class fits: pv-rwo lacks access mode ReadWriteMany',
    );
    expect(issue.at.path).toEqual(['metadata', 'name']);
    expect(issue.related.map((r) => r.note)).toEqual(['PersistentVolume pv-rwo lacks access mode ReadWriteMany']);
  });

  it('prefers the volume with the fewest access modes (findByClaim), then the smallest', () => {
    const { binder } = storageOf(pv('pv-many', '20Gi', '  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]\n') + pv('pv-once', '50Gi', RWO) + pvc('data', RWO_10 + NO_CLASS));
    expect(binder.claim('default', 'data')?.boundTo).toBe('pv-once');
  });

  it('matches volumeMode (unset = Filesystem)', () => {
    const { binder } = storageOf(pv('pv-block', '50Gi', RWO + '  volumeMode: Block\n') + pvc('data', RWO_10 + NO_CLASS));
    expect(binder.claim('default', 'data')?.phase).toBe('Pending');
    expect(binder.issues()[0].message).toContain('pv-block has volumeMode Block');
  });

  it("matches the claim's selector against PV labels", () => {
    const { binder } = storageOf(
      pv('pv-slow', '20Gi', RWO, '  labels: {tier: slow}\n') +
        pv('pv-fast', '50Gi', RWO, '  labels: {tier: fast}\n') +
        pvc('data', RWO_10 + NO_CLASS + '  selector: {matchLabels: {tier: fast}}\n'),
    );
    expect(binder.claim('default', 'data')?.boundTo).toBe('pv-fast');
  });

  it('matches the class exactly ("" only matches PVs without a class)', () => {
    const { binder } = storageOf(pv('pv-gold', '50Gi', RWO + '  storageClassName: gold\n') + pvc('data', RWO_10 + NO_CLASS) + pvc('gold', RWO_10 + '  storageClassName: gold\n'));
    expect(binder.claim('default', 'data')?.phase).toBe('Pending');
    expect(binder.claim('default', 'gold')?.boundTo).toBe('pv-gold');
  });

  it('reports a size that no PV of the class reaches at the request', () => {
    const { binder } = storageOf(pv('pv-5', '5Gi', RWO) + pvc('data', RWO_10 + NO_CLASS));
    const [issue] = binder.issues();
    expect(issue.at.path).toEqual(['spec', 'resources', 'requests', 'storage']);
    expect(issue.message).toContain('pv-5 is too small (5Gi < 10Gi)');
  });
});

describe('pre-binding (§5.2)', () => {
  it('a PV whose claimRef names the claim binds to it, even without matching class; no other claim can take it', () => {
    const { binder } = storageOf(
      pv('reserved', '10Gi', RWO + '  storageClassName: manual\n  claimRef: {namespace: default, name: mine}\n') +
        pvc('other', RWO_10 + '  storageClassName: manual\n') +
        pvc('mine', RWO_10 + NO_CLASS),
    );
    expect(binder.claim('default', 'mine')).toMatchObject({ phase: 'Bound', boundTo: 'reserved' });
    expect(binder.claim('default', 'other')?.phase).toBe('Pending');
  });

  it('spec.volumeName binds to that PV only, ignoring the selector', () => {
    const { binder } = storageOf(pv('small', '20Gi', RWO) + pv('chosen', '50Gi', RWO) + pvc('data', RWO_10 + NO_CLASS + '  volumeName: chosen\n  selector: {matchLabels: {x: y}}\n'));
    expect(binder.claim('default', 'data')?.boundTo).toBe('chosen');
  });

  it('spec.volumeName with an incompatible PV gives the VolumeMismatch event', () => {
    const { binder } = storageOf(pv('tiny', '1Gi', RWO) + pvc('data', RWO_10 + NO_CLASS + '  volumeName: tiny\n'));
    expect(binder.claim('default', 'data')?.message).toBe('Cannot bind to requested volume "tiny": requested PV is too small');
    const [issue] = binder.issues();
    expect(issue.at.path).toEqual(['spec', 'volumeName']);
    expect(issue.related[0].note).toBe('the requested PersistentVolume');
  });

  it('explains the default-class gotcha: admission gives the claim a class the class-less PV lacks', () => {
    const { binder } = storageOf(pv('pv-1', '50Gi', RWO) + pvc('data', RWO_10 + '  volumeName: pv-1\n'), { classes: [builtInClass('standard')] });
    const [issue] = binder.issues();
    expect(issue.message).toBe(
      'PersistentVolumeClaim default/data would stay Pending: Cannot bind to requested volume "pv-1": storageClassName does not match; the claim got the default StorageClass "standard" from admission while the PersistentVolume has no class; set storageClassName: "" on the claim',
    );
  });

  it('spec.volumeName naming a missing PV stays Pending', () => {
    const { binder } = storageOf(pvc('data', RWO_10 + NO_CLASS + '  volumeName: nowhere\n'));
    expect(binder.claim('default', 'data')?.message).toBe('PersistentVolume "nowhere" named in spec.volumeName does not exist');
  });
});

describe('classes and dynamic provisioning (§5.2 table, §5.3)', () => {
  it('a claim of an unknown class stays Pending with the PV controller message, at storageClassName', () => {
    const { binder, graph } = storageOf(pvc('data', RWO_10 + '  storageClassName: fast\n'), { classes: [builtInClass('standard')] });
    expect(binder.claim('default', 'data')?.message).toBe('storageclass.storage.k8s.io "fast" not found');
    const issues = binder.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ id: 'pvc-unbound', at: { manifest: graph.manifests[0], path: ['spec', 'storageClassName'] } });
    expect(issues[0].message).toBe(
      `PersistentVolumeClaim default/data would stay Pending: storageclass.storage.k8s.io "fast" not found; the cluster's StorageClasses are "standard" (default "standard")`,
    );
  });

  it('a claim without a class gets the default class and is provisioned (Immediate) as pvc-<uid>', () => {
    const { binder } = storageOf(
      pvc('data') +
        `---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: ebs.csi.aws.com
`,
    );
    const claim = binder.claim('default', 'data')!;
    expect(claim.spec.storageClassName).toBe('gp3');
    expect(claim.phase).toBe('Bound');
    expect(claim.boundTo).toMatch(/^pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const volume = binder.volume(claim.boundTo!)!;
    expect(volume).toMatchObject({ className: 'gp3', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', provisionedBy: 'ebs.csi.aws.com', nodeAffinity: undefined });
    // Deterministic: the same input gives the same name.
    expect(storageOf(pvc('data'), { classes: [builtInClass('gp3', { volumeBindingMode: 'Immediate' })] }).binder.claim('default', 'data')?.boundTo).toBe(claim.boundTo);
  });

  it('a static PV of the class is preferred to provisioning', () => {
    const { binder } = storageOf(pv('pv-gold', '10Gi', RWO + '  storageClassName: gold\n') + pvc('data', RWO_10 + '  storageClassName: gold\n'), {
      classes: [builtInClass('gold', { volumeBindingMode: 'Immediate', isDefault: false })],
    });
    expect(binder.claim('default', 'data')?.boundTo).toBe('pv-gold');
  });

  it('a class-less claim with no PV: no persistent volumes available', () => {
    const { binder } = storageOf(pvc('data'));
    expect(binder.issues()[0].message).toBe(
      'PersistentVolumeClaim default/data would stay Pending: no persistent volumes available for this claim and no storage class is set; no PersistentVolume without a class exists',
    );
  });

  it('kubernetes.io/no-provisioner (Immediate) with no matching PV: ProvisioningFailed', () => {
    const { binder } = storageOf(pvc('data', RWO_10 + '  storageClassName: local\n'), {
      classes: [builtInClass('local', { provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate', isDefault: false })],
    });
    expect(binder.claim('default', 'data')?.message).toBe('no volume plugin matched name: kubernetes.io/no-provisioner');
  });

  it('a selector prevents dynamic provisioning', () => {
    const { binder } = storageOf(pvc('data', RWO_10 + '  storageClassName: gp3\n  selector: {matchLabels: {a: b}}\n'), {
      classes: [builtInClass('gp3', { volumeBindingMode: 'Immediate' })],
    });
    expect(binder.claim('default', 'data')?.message).toBe('claim Selector is not supported');
    expect(binder.issues()[0].at.path).toEqual(['spec', 'selector']);
  });

  it('an invalid claim is rejected by the API server and reported at the field', () => {
    const { binder } = storageOf(pvc('data', '  resources: {requests: {storage: 1Gi}}\n'));
    const [issue] = binder.issues();
    expect(issue.at.path).toEqual(['spec', 'accessModes']);
    expect(issue.message).toBe(
      'PersistentVolumeClaim default/data is invalid, so the API server rejects it and pods that use it stay Pending: spec.accessModes: Required value: at least 1 access mode is required',
    );
  });

  it('a WaitForFirstConsumer claim without a consumer waits, and that is not reported', () => {
    const { binder } = storageOf(pvc('data'), { classes: [builtInClass('standard')] });
    expect(binder.claim('default', 'data')).toMatchObject({ phase: 'Pending', message: 'waiting for first consumer to be created before binding' });
    expect(binder.issues()).toEqual([]);
  });
});
