import { describe, expect, it } from 'vitest';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/schema/versions.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('schema');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: REPLICAS
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
          image: nginx:1.27
          FIELD: Always
`;

describe('schema rule', () => {
  it('reports replicas "three" and a misspelled container field at their lines, in every supported version', async () => {
    const bad = DEPLOYMENT.replace('REPLICAS', '"three"').replace('FIELD', 'imagePullPolcy');
    const good = DEPLOYMENT.replace('REPLICAS', '3').replace('FIELD', 'imagePullPolicy');
    for (const kubernetesVersion of SUPPORTED_KUBERNETES_VERSIONS) {
      const result = await lintText(bad, { kubernetesVersion });
      const found = result.findings.filter((f) => f.ruleId === 'schema');
      expect(found.map((f) => `${kubernetesVersion} ${f.location.range.startLine}:${f.location.range.startColumn}`)).toEqual([
        `${kubernetesVersion} 6:13`,
        `${kubernetesVersion} 18:11`,
      ]);
      const clean = await lintText(good, { kubernetesVersion });
      expect(clean.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message)).toEqual([]);
    }
  });

  it('names the field path and what was expected', async () => {
    const found = await fixtureFindings('schema', 'fail-deployment.yaml');
    const messages = found.map((f) => f.message);
    expect(messages[0]).toBe('spec.replicas: expected integer, got string "three", so the API server rejects Deployment/default/web.');
    expect(messages[1]).toMatch(/^spec\.template\.spec\.containers\[0\]\.imagePullPolcy: unknown field "imagePullPolcy"/);
    expect(messages[1]).toContain("kubectl's strict field validation");
    expect(messages[3]).toMatch(/restartPolicy: string "Sometimes" is not one of "Always", "Never", "OnFailure"|restartPolicy: string "Sometimes" is not one of .*"Always"/);
    expect(found[1].location.range).toMatchObject({ startColumn: 11, endColumn: 25 }); // the key
  });

  it('validates custom resources against the CRD in the input: exactly one finding, on the wrong field', async () => {
    const found = await fixtureFindings('schema', 'fail-crd');
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ file: 'test/fixtures/rules/schema/fail-crd/widgets.yaml', range: { startLine: 14 } });
    expect(found[0].message).toContain('spec.size: expected integer, got string "large"');
    expect(found[0].message).toContain('CustomResourceDefinition widgets.example.com');
  });

  it('relaxes unknown fields with strict: false', async () => {
    const bad = DEPLOYMENT.replace('REPLICAS', '3').replace('FIELD', 'imagePullPolcy');
    const strict = await lintText(bad);
    expect(strict.findings.filter((f) => f.ruleId === 'schema')).toHaveLength(1);
    const relaxed = await lintText(bad, { config: { rules: { schema: { options: { strict: false } } } } });
    expect(relaxed.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('never quotes Secret data, env values or annotations', async () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: s
  annotations:
    note: 12345
data:
  pin: 98765
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: busybox:1.36
      env:
        - name: PIN
          value: 424242
`;
    const result = await lintText(text);
    const messages = result.findings.map((f) => f.message).join('\n');
    expect(result.findings.filter((f) => f.ruleId === 'schema').length).toBeGreaterThan(0);
    for (const v of ['12345', '98765', '424242']) expect(messages).not.toContain(v);
  });

  it('leaves quantity syntax to invalid-quantity (one finding per wrong value)', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: busybox:1.36
      resources:
        requests:
          cpu: lots
`;
    const result = await lintText(text);
    const at11 = result.findings.filter((f) => f.location.range.startLine === 11).map((f) => f.ruleId);
    expect(at11).toEqual(['invalid-quantity']);
  });
});
