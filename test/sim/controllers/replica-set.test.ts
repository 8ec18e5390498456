import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET } from '../../../src/sim/naming.js';
import { reconcileYaml } from '../helpers/controllers.js';

const rs = (replicas: number) => `---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {tier: frontend}}
  template:
    metadata: {labels: {tier: frontend}}
    spec: {containers: [{name: php, image: php:8}]}
`;

const barePod = (name: string, labels = '{tier: frontend}') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: ${labels}}
spec: {containers: [{name: c, image: nginx}]}
`;

describe('ReplicaSet controller (§4.3)', () => {
  it('creates <rs>-<5 chars> pods with the template labels', () => {
    const { pods } = reconcileYaml(rs(3));
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.name).toMatch(new RegExp(`^frontend-[${NAME_ALPHABET}]{5}$`));
      expect(p.labels).toEqual({ tier: 'frontend' });
      expect(p.owner.generated).toEqual([]);
    }
  });

  it('adopts matching bare Pods: they reduce the number of pods created, with a note', () => {
    const { workloads, pods } = reconcileYaml(barePod('pod1') + rs(3) + barePod('other', '{tier: backend}'));
    const [pod1, frontend, other] = workloads;
    expect(frontend.desiredReplicas).toBe(3);
    expect(frontend.pods).toHaveLength(2);
    expect(frontend.notes.join()).toContain('adopts Pod/default/pod1');
    expect(frontend.notes.join()).toContain('creates 2 pods instead of 3');
    expect(pod1.notes.join()).toContain('adopted by ReplicaSet/default/frontend');
    expect(pod1.pods.map((p) => p.name)).toEqual(['pod1']);
    expect(other.notes).toEqual([]);
    expect(pods.map((p) => p.name).slice(0, 1)).toEqual(['pod1']);
  });

  it('does not adopt pods that already have a controller, or pods in another namespace', () => {
    const owned = barePod('pod1').replace(
      'metadata: {name: pod1, labels: {tier: frontend}}',
      'metadata: {name: pod1, labels: {tier: frontend}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: x, uid: u, controller: true}]}',
    );
    expect(reconcileYaml(rs(3) + owned).workloads[0].pods).toHaveLength(3);
    const elsewhere = barePod('pod1').replace('name: pod1,', 'name: pod1, namespace: other,');
    expect(reconcileYaml(rs(3) + elsewhere).workloads[0].pods).toHaveLength(3);
  });

  it('notes that adopting more pods than replicas makes the controller delete the extra ones', () => {
    const [, , rsWorkload] = reconcileYaml(barePod('a') + barePod('b') + rs(1)).workloads;
    expect(rsWorkload.pods).toHaveLength(0);
    expect(rsWorkload.notes.join()).toContain('deletes 1 of them');
  });

  it('handles ReplicationControllers, whose selector defaults to the template labels', () => {
    const rc = `apiVersion: v1
kind: ReplicationController
metadata: {name: nginx}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;
    const { workloads } = reconcileYaml(rc + barePod('stray', '{app: nginx}'));
    expect(workloads[0].kind).toBe('ReplicationController');
    expect(workloads[0].pods).toHaveLength(1);
    expect(workloads[0].pods[0].name).toMatch(/^nginx-/);
  });
});
