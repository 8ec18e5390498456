import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('image-pull-policy');

describe('image-pull-policy details', () => {
  it('reports fail-policies.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('image-pull-policy', 'fail-policies.yaml');
    expect(f.ruleId).toBe('image-pull-policy');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(17);
    expect(f.message).toBe(
      "Init container \"setup\" of Deployment/default/web sets imagePullPolicy: Never, so the kubelet never pulls its image and the pod fails with ErrImageNeverPull on every node that does not already have it.",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # drydock-ignore image-pull-policy\n    - name: a\n      image: example/a:1.0.0\n      imagePullPolicy: Never\n    - name: b\n      image: example/b:1.0.0\n      imagePullPolicy: Never\n";
    const result = await lintText(text, { ruleLevels: { 'image-pull-policy': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'image-pull-policy').map((x) => x.location.range.startLine)).toEqual([13]);
  });
});
