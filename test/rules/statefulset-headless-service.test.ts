import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('statefulset-headless-service');

const ID = 'statefulset-headless-service';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  serviceName: vault-db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: example/db:1.0
`;
const OTHER_SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: unrelated
  namespace: data
spec:
  clusterIP: None
  selector:
    app: other
  ports:
    - port: 80
`;

async function stsFindings(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

describe('statefulset-headless-service details', () => {
  it('reports a Service that is not headless, with the reason and the Service as related', async () => {
    const [plain, withIp, externalName] = await findingsOf('fail-not-headless.yaml');
    expect(plain.location.range.startLine).toBe(16);
    expect(plain.message).toBe(
      'StatefulSet/default/db is governed by Service/default/db, which gets a cluster IP (it does not set clusterIP: None), so cluster DNS publishes no per-pod names such as db-0.db.default.svc; point serviceName at a headless Service (clusterIP: None).',
    );
    expect(plain.related.map((r) => [r.note, r.range.startLine])).toEqual([['the Service', 4]]);
    expect(withIp.message).toContain('has clusterIP "10.96.0.20" instead of "None"');
    expect(withIp.related[0].range.startLine).toBe(34);
    expect(externalName.message).toContain('is of type ExternalName');
  });

  it('reports a missing Service at serviceName, at the rule level when other Services exist', async () => {
    const [f] = await findingsOf('fail-missing-service.yaml');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('StatefulSet/default/zk is governed by Service "zk-hs", which is not in the input in namespace "default"');
    expect(f.message).toContain('zk-0.zk-hs.default.svc');
  });

  it('caps the finding at info when the input has no Service at all', async () => {
    const [f] = await stsFindings(STS);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toContain('the input has no Service objects at all');
  });

  it('reports at the rule level when another Service exists, or with references: strict', async () => {
    const [withOther] = await stsFindings(STS + OTHER_SERVICE);
    expect(withOther.severity).toBe('warning');
    const [strict] = await stsFindings(STS, { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain('the input has no Service objects');
  });

  it('stays silent for Services declared external', async () => {
    expect(await stsFindings(STS + OTHER_SERVICE, { config: { external: ['Service/*/vault-*'] } })).toEqual([]);
    expect(await stsFindings(STS + OTHER_SERVICE, { config: { external: ['Service/other/vault-*'] } })).toHaveLength(1);
  });
});
