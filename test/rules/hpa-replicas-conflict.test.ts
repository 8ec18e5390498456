import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('hpa-replicas-conflict');

const ID = 'hpa-replicas-conflict';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

describe('hpa-replicas-conflict details', () => {
  it('points at spec.replicas and relates the HPA', async () => {
    const [web, db, rs] = await findingsOf('fail-replicas-set.yaml');
    expect(web.location.range).toMatchObject({ startLine: 6, startColumn: 13 });
    expect(web.message).toBe(
      'Deployment/default/web sets spec.replicas (3) although HorizontalPodAutoscaler/default/web scales it, so every apply resets the replica count the autoscaler chose; remove spec.replicas from the manifest.',
    );
    expect(web.related.map((r) => [r.note, r.range.startLine])).toEqual([['the HorizontalPodAutoscaler', 25]]);
    expect(db.message).toContain('StatefulSet/default/db sets spec.replicas (1)');
    expect(rs.message).toContain('ReplicaSet/default/rs sets spec.replicas (2)');
  });

  it('reports a workload once with every HPA related, and explains replicas: 0', async () => {
    const [api, idle] = await findingsOf('fail-two-hpas.yaml');
    expect(api.message).toContain('although 2 HorizontalPodAutoscalers scale it');
    expect(api.related).toHaveLength(2);
    expect(idle.message).toContain('sets spec.replicas to 0');
    expect(idle.message).toContain('switches autoscaling off');
  });

  it('honours a drydock-ignore comment above spec.replicas', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  # drydock-ignore hpa-replicas-conflict
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: example/web:1.0
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  maxReplicas: 4
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
`;
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === ID)).toEqual([]);
    const unsuppressed = await lintText(text.replace('  # drydock-ignore hpa-replicas-conflict\n', ''));
    expect(unsuppressed.findings.filter((f) => f.ruleId === ID)).toHaveLength(1);
  });
});
