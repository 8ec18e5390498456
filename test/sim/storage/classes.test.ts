import { describe, expect, it } from 'vitest';
import { canProvisionOn, defaultStorageClass, storageClassesOf } from '../../../src/sim/storage/classes.js';
import { builtInClass, zonedNode } from '../helpers/storage.js';
import { graphOfYaml } from '../helpers/profile.js';

const classesOf = (text: string) => storageClassesOf([...graphOfYaml(text).manifests]);

describe('storageClassesOf (§5.1)', () => {
  it('reads provisioner, binding mode (default Immediate), the default annotation and allowedTopologies', () => {
    const [fast, local] = classesOf(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/zone
        values: [zone-a, zone-b]
`);
    expect(fast).toMatchObject({ name: 'fast', provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'Immediate', isDefault: true, allowedTopologies: [] });
    expect(fast.manifest?.ref.name).toBe('fast');
    expect(local).toMatchObject({
      volumeBindingMode: 'WaitForFirstConsumer',
      isDefault: false,
      allowedTopologies: [[{ key: 'topology.kubernetes.io/zone', values: ['zone-a', 'zone-b'] }]],
    });
  });

  it('honours the beta default annotation, not "false", and leaves out classes without a provisioner and other kinds', () => {
    const classes = classesOf(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: beta
  annotations: {storageclass.beta.kubernetes.io/is-default-class: "true"}
provisioner: p
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: plain
  annotations: {storageclass.kubernetes.io/is-default-class: "false"}
provisioner: p
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: broken}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`);
    expect(classes.map((c) => [c.name, c.isDefault])).toEqual([
      ['beta', true],
      ['plain', false],
    ]);
  });
});

describe('defaultStorageClass (§5.2: the most recently created default wins)', () => {
  it('picks the newest creationTimestamp, then the name ascending on a tie', () => {
    const classes = classesOf(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: old
  creationTimestamp: "2024-01-01T00:00:00Z"
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: p
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: zeta
  creationTimestamp: "2025-01-01T00:00:00Z"
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: p
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: alpha
  creationTimestamp: "2025-01-01T00:00:00Z"
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: p
`);
    expect(defaultStorageClass(classes)?.name).toBe('alpha');
  });

  it('treats an input class (no creationTimestamp) as newer than a built-in one, and ignores non-defaults', () => {
    const input = classesOf(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: mine
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: p
`);
    expect(defaultStorageClass([builtInClass('standard'), ...input])?.name).toBe('mine');
    expect(defaultStorageClass([builtInClass('standard', { isDefault: false })])).toBeUndefined();
  });
});

describe('canProvisionOn (§3.9)', () => {
  it('needs a real provisioner and a node inside allowedTopologies', () => {
    const node = zonedNode('node-1', 'zone-a');
    expect(canProvisionOn(builtInClass(), node)).toBe(true);
    expect(canProvisionOn(builtInClass('local', { provisioner: 'kubernetes.io/no-provisioner' }), node)).toBe(false);
    const zoned = (zones: string[]) => builtInClass('z', { allowedTopologies: [[{ key: 'topology.kubernetes.io/zone', values: zones }]] });
    expect(canProvisionOn(zoned(['zone-a']), node)).toBe(true);
    expect(canProvisionOn(zoned(['zone-b']), node)).toBe(false);
  });
});
