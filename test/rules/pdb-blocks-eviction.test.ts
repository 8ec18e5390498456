import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';
import { deploymentYaml } from '../helpers/manifests.js';

describeRuleFixtures('pdb-blocks-eviction');

function budgetFor(replicas: number, field: string, value: string): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  ${field}: ${value}
  selector:
    matchLabels:
      app: web
---
${deploymentYaml('web', { replicas })}`;
}

async function blocks(replicas: number, field: string, value: string): Promise<boolean> {
  const result = await lintText(budgetFor(replicas, field, value), { simulate: false }); // drain-blocked supersedes it when simulating
  return result.findings.some((f) => f.ruleId === 'pdb-blocks-eviction');
}

describe('pdb-blocks-eviction', () => {
  it('rounds a minAvailable percentage up, as the disruption controller does', async () => {
    expect(await blocks(3, 'minAvailable', '"67%"')).toBe(true); // 2.01 -> 3 of 3
    expect(await blocks(3, 'minAvailable', '"66%"')).toBe(false); // 1.98 -> 2 of 3
    expect(await blocks(10, 'minAvailable', '"91%"')).toBe(true); // 9.1 -> 10 of 10
    expect(await blocks(10, 'minAvailable', '"90%"')).toBe(false); // 9 of 10
    expect(await blocks(1, 'minAvailable', '"1%"')).toBe(true); // 0.01 -> 1 of 1
  });

  it('compares an integer minAvailable with the replicas', async () => {
    expect(await blocks(2, 'minAvailable', '2')).toBe(true);
    expect(await blocks(3, 'minAvailable', '2')).toBe(false);
  });

  it('reports only a zero maxUnavailable (a percentage rounds up to at least one pod)', async () => {
    expect(await blocks(5, 'maxUnavailable', '0')).toBe(true);
    expect(await blocks(5, 'maxUnavailable', '"0%"')).toBe(true);
    expect(await blocks(5, 'maxUnavailable', '"1%"')).toBe(false);
    expect(await blocks(1, 'maxUnavailable', '1')).toBe(false);
  });

  it('points at the budget value and relates the covered workloads', async () => {
    const findings = await fixtureFindings('pdb-blocks-eviction', 'fail-several-workloads.yaml');
    const shop = findings.find((f) => f.message.startsWith('PodDisruptionBudget/default/shop'));
    expect(shop?.location.range.startLine).toBe(7);
    expect(shop?.message).toContain('requires minAvailable 3 but the workloads it covers run only 3 pods');
    expect(shop?.message).toContain('Deployment/default/front: 1 replica; StatefulSet/default/db: 2 replicas');
    expect(shop?.message).toContain('node drains and cluster upgrades block forever');
    // front has no spec.replicas (points at its name), db at its replicas.
    expect(shop?.related.map((r) => r.range.startLine)).toEqual([15, 36]);
  });

  it('uses the autoscaler minimum instead of spec.replicas', async () => {
    const [api, worker] = await fixtureFindings('pdb-blocks-eviction', 'fail-autoscaled.yaml');
    expect(api.message).toContain('HorizontalPodAutoscaler minimum 2');
    expect(api.message).toContain('block until they scale up');
    expect(api.related.map((r) => r.note)).toEqual([
      'a workload the budget covers',
      'the HorizontalPodAutoscaler minimum of Deployment/default/api',
    ]);
    expect(worker.message).toContain('minAvailable 100% (1 of 1 pods, rounded up)');
  });
});
