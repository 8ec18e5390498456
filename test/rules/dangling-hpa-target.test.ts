import { describe, expect, it } from 'vitest';
import { equivalentGroups, mayHaveScaleSubresource, scaleTargetRefOf } from '../../src/k8s/scale-target.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-hpa-target');

const ID = 'dangling-hpa-target';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  maxReplicas: 5
  scaleTargetRef:
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    name: vault-web
`;
const OTHER_ROLLOUT = `---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: other
  namespace: shop
spec: {}
`;

async function hpaFindings(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

describe('dangling-hpa-target details', () => {
  it('reports a missing target at scaleTargetRef.name, for autoscaling/v1 and v2', async () => {
    const found = await findingsOf('fail-missing-target.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([31, 43]);
    expect(found[0].message).toBe(
      'HorizontalPodAutoscaler/default/api scales Deployment "api", which is not in the input in namespace "default", so the autoscaler fails with FailedGetScale and never scales anything.',
    );
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reports a missing or wrong apiVersion when the target exists in another group', async () => {
    const [noVersion, wrongVersion] = await findingsOf('fail-wrong-group.yaml');
    expect(noVersion.location.range).toMatchObject({ startLine: 29, startColumn: 3 });
    expect(noVersion.message).toContain('sets no apiVersion, while Deployment/default/web is in API group "apps"');
    expect(noVersion.message).toContain('no matches for kind "Deployment" in group ""');
    expect(noVersion.message).toContain('set apiVersion to "apps/v1"');
    expect(noVersion.related[0].note).toBe('the intended target');
    expect(wrongVersion.message).toContain('names apiVersion "v1"');
  });

  it('hints at a workload of that name under another kind', async () => {
    const [f] = await findingsOf('fail-wrong-kind.yaml');
    expect(f.message).toContain('(StatefulSet/default/db exists: check scaleTargetRef.kind)');
    expect(f.related[0].range.startLine).toBe(4);
  });

  it('reports a target kind without /scale at scaleTargetRef.kind', async () => {
    const [f] = await findingsOf('fail-no-scale.yaml');
    expect(f.location.range.startLine).toBe(31);
    expect(f.message).toContain('a DaemonSet has no /scale subresource');
  });

  it('caps the finding at info when the input has no object of the target kind', async () => {
    const [f] = await hpaFindings(HPA);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(11);
    expect(f.message).toContain('the input has no Rollout objects at all');
  });

  it('reports at the rule level when another object of the kind exists, or with references: strict', async () => {
    const [withOther] = await hpaFindings(HPA + OTHER_ROLLOUT);
    expect(withOther.severity).toBe('warning');
    const [strict] = await hpaFindings(HPA, { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain('the input has no Rollout objects');
  });

  it('stays silent for targets declared external', async () => {
    expect(await hpaFindings(HPA + OTHER_ROLLOUT, { config: { external: ['Rollout/*/vault-*'] } })).toEqual([]);
    expect(await hpaFindings(HPA + OTHER_ROLLOUT, { config: { external: ['Rollout/other/vault-*'] } })).toHaveLength(1);
  });
});

describe('k8s/scale-target', () => {
  it('reads scaleTargetRef leniently', () => {
    expect(scaleTargetRefOf({ spec: null })).toBeUndefined();
    expect(scaleTargetRefOf({ spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 3 } } })).toEqual({
      path: ['spec', 'scaleTargetRef'],
      apiVersion: 'apps/v1',
      group: 'apps',
      kind: 'Deployment',
      name: undefined,
    });
    expect(scaleTargetRefOf({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } } })?.group).toBe('');
  });

  it('knows which kinds scale and which groups are the same', () => {
    expect(mayHaveScaleSubresource('apps', 'StatefulSet')).toBe(true);
    expect(mayHaveScaleSubresource('', 'ReplicationController')).toBe(true);
    expect(mayHaveScaleSubresource('apps', 'DaemonSet')).toBe(false);
    expect(mayHaveScaleSubresource('batch', 'Job')).toBe(false);
    expect(mayHaveScaleSubresource('argoproj.io', 'Rollout')).toBe(true);
    expect(equivalentGroups('extensions', 'Deployment')).toEqual(['apps', 'extensions']);
    expect(equivalentGroups('apps', 'StatefulSet')).toEqual(['apps']);
  });
});
