import { describe, expect, it } from 'vitest';
import { deploymentYaml, reconcileYaml } from '../helpers/controllers.js';

const hpa = (spec: string, target = 'web', kind = 'Deployment') => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${target}-hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${target}}
${spec}`;

describe('HPA replicas (§4.8)', () => {
  it('uses minReplicas when the Deployment sets no replicas', () => {
    const [w] = reconcileYaml(deploymentYaml('web') + hpa('  minReplicas: 3\n  maxReplicas: 10\n')).workloads;
    expect(w.desiredReplicas).toBe(3);
    expect(w.pods).toHaveLength(3);
    expect(w.hpa?.ref.name).toBe('web-hpa');
    expect(w.notes.join()).toContain('minReplicas');
  });

  it('defaults minReplicas to 1', () => {
    const [w] = reconcileYaml(deploymentYaml('web') + hpa('  maxReplicas: 10\n')).workloads;
    expect(w.desiredReplicas).toBe(1);
  });

  it('clamps spec.replicas to [minReplicas, maxReplicas]', () => {
    const above = reconcileYaml(deploymentYaml('web', '  replicas: 20\n') + hpa('  minReplicas: 2\n  maxReplicas: 5\n')).workloads[0];
    expect(above.desiredReplicas).toBe(5);
    expect(above.notes.join()).toContain('clamped');
    const below = reconcileYaml(deploymentYaml('web', '  replicas: 1\n') + hpa('  minReplicas: 2\n  maxReplicas: 5\n')).workloads[0];
    expect(below.desiredReplicas).toBe(2);
    const within = reconcileYaml(deploymentYaml('web', '  replicas: 4\n') + hpa('  minReplicas: 2\n  maxReplicas: 5\n')).workloads[0];
    expect(within.desiredReplicas).toBe(4);
  });

  it('resolves the fenceposts against the HPA replica count', () => {
    const [w] = reconcileYaml(deploymentYaml('web') + hpa('  minReplicas: 10\n  maxReplicas: 20\n')).workloads;
    expect(w.strategy?.maxSurge?.resolved).toBe(3);
    expect(w.strategy?.maxUnavailable?.resolved).toBe(2);
  });

  it('leaves replicas 0 alone (scaling is disabled), and ignores HPAs of other targets or namespaces', () => {
    expect(reconcileYaml(deploymentYaml('web', '  replicas: 0\n') + hpa('  minReplicas: 3\n  maxReplicas: 5\n')).pods).toEqual([]);
    expect(reconcileYaml(deploymentYaml('web') + hpa('  minReplicas: 3\n  maxReplicas: 5\n', 'api')).pods).toHaveLength(1);
    const elsewhere = hpa('  minReplicas: 3\n  maxReplicas: 5\n').replace('name: web-hpa}', 'name: web-hpa, namespace: other}');
    expect(reconcileYaml(deploymentYaml('web') + elsewhere).pods).toHaveLength(1);
  });

  it('scales StatefulSets and ReplicaSets too', () => {
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres}]}
`;
    expect(reconcileYaml(sts + hpa('  minReplicas: 2\n  maxReplicas: 4\n', 'db', 'StatefulSet')).pods.map((p) => p.name)).toEqual(['db-0', 'db-1']);
    const rs = sts.replace('kind: StatefulSet', 'kind: ReplicaSet').replace('  serviceName: db\n', '');
    expect(reconcileYaml(rs + hpa('  minReplicas: 2\n  maxReplicas: 4\n', 'db', 'ReplicaSet')).pods).toHaveLength(2);
  });
});

describe('review fixes: invalid HPA bounds', () => {
  it('ignores an HPA with a negative minReplicas instead of wanting a negative replica count', () => {
    const [w] = reconcileYaml(deploymentYaml('web') + hpa('  minReplicas: -2\n  maxReplicas: 5\n')).workloads;
    expect(w.desiredReplicas).toBe(1);
    expect(w.pods).toHaveLength(1);
    expect(w.notes.join()).toContain('invalid');
  });
});
