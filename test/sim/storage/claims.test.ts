import { describe, expect, it } from 'vitest';
import { applyDefaultStorageClass, claimClassOf, claimProblem, claimsFromInput } from '../../../src/sim/storage/claims.js';
import { builtInClass } from '../helpers/storage.js';
import { graphOfYaml } from '../helpers/profile.js';

const pvc = (spec: string, meta = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
${meta}spec:
${spec}`;
const claimOf = (spec: string, meta = '') => claimsFromInput(graphOfYaml(pvc(spec, meta)))[0];
const VALID = '  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';

describe('claimsFromInput (§5.1)', () => {
  it('reads PVC objects with path [] and defaults volumeMode to Filesystem', () => {
    const claim = claimOf(VALID, '  namespace: shop\n');
    expect(claim).toMatchObject({ name: 'data', namespace: 'shop', path: [], phase: 'Pending' });
    expect(claim.spec.volumeMode).toBe('Filesystem');
    expect(claimProblem(claim)).toBeUndefined();
  });

  it('accepts a claim built without volumeMode (the API server defaults it)', () => {
    const claim = claimOf(VALID);
    delete claim.spec.volumeMode;
    expect(claimProblem(claim)).toBeUndefined();
    claim.spec.volumeMode = 'Raw';
    expect(claimProblem(claim)?.message).toBe('spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"');
  });

  it('rejects what the API server rejects, with its field error', () => {
    expect(claimProblem(claimOf('  resources: {requests: {storage: 1Gi}}\n'))).toEqual({
      message: 'spec.accessModes: Required value: at least 1 access mode is required',
      path: ['spec', 'accessModes'],
    });
    expect(claimProblem(claimOf('  accessModes: [ReadWriteOncePod, ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n'))?.message).toBe(
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    );
    expect(claimProblem(claimOf('  accessModes: [ReadWriteOnce]\n'))).toEqual({
      message: 'spec.resources[storage]: Required value',
      path: ['spec', 'resources', 'requests', 'storage'],
    });
    expect(claimProblem(claimOf('  accessModes: [ReadWriteSometimes]\n  resources: {requests: {storage: 1Gi}}\n'))?.message).toBe(
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    );
  });
});

describe('claimProblem: a storage request that is not positive (review)', () => {
  it('prints the quantity in canonical form, as field.Invalid(value.String()) does', () => {
    expect(claimProblem(claimOf('  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 0Gi}}\n'))).toEqual({
      message: 'spec.resources[storage]: Invalid value: "0": must be greater than zero',
      path: ['spec', 'resources', 'requests', 'storage'],
    });
    expect(claimProblem(claimOf('  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: -1024Mi}}\n'))?.message).toBe(
      'spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero',
    );
  });
});

describe('applyDefaultStorageClass (§5.2 storageClassName table)', () => {
  const classes = [builtInClass('standard')];

  it('gives a claim without a class the default class', () => {
    expect(applyDefaultStorageClass(claimOf(VALID), classes).spec.storageClassName).toBe('standard');
  });

  it('keeps "" (no class, never provisioned) and a named class', () => {
    expect(applyDefaultStorageClass(claimOf(`${VALID}  storageClassName: ""\n`), classes).spec.storageClassName).toBe('');
    expect(applyDefaultStorageClass(claimOf(`${VALID}  storageClassName: fast\n`), classes).spec.storageClassName).toBe('fast');
  });

  it('keeps the beta class annotation, which also wins over storageClassName', () => {
    const claim = applyDefaultStorageClass(claimOf(VALID, '  annotations: {volume.beta.kubernetes.io/storage-class: gold}\n'), classes);
    expect(claim.spec.storageClassName).toBeUndefined();
    expect(claimClassOf(claim)).toBe('gold');
  });

  it('leaves the claim class-less when the cluster has no default', () => {
    const claim = applyDefaultStorageClass(claimOf(VALID), [builtInClass('standard', { isDefault: false })]);
    expect(claim.spec.storageClassName).toBeUndefined();
    expect(claimClassOf(claim)).toBe('');
  });
});
