import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('ingress-tls-secret');

const ID = 'ingress-tls-secret';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: web
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: vault-shop-tls
  defaultBackend:
    service:
      name: web
      port:
        number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: web
spec:
  ports:
    - port: 80
`;
const OTHER_SECRET = `---
apiVersion: v1
kind: Secret
metadata:
  name: unrelated
  namespace: web
type: Opaque
stringData:
  mode: test
`;

async function tlsFindings(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

describe('ingress-tls-secret details', () => {
  it('reports a missing Secret at secretName with the hosts it covers', async () => {
    const [shop, blog] = await findingsOf('fail-missing-secret.yaml');
    expect(shop.location.range).toMatchObject({ startLine: 27, startColumn: 19 });
    expect(shop.message).toBe(
      'Ingress/default/shop terminates TLS for host "shop.example.com" with Secret "shop-tls", which is not in the input in namespace "default", so the controller serves its default (usually self-signed) certificate instead.',
    );
    expect(shop.severity).toBe('warning');
    expect(blog.message).toContain('for hosts "blog.example.com", "www.blog.example.com" with Secret "blog-tls"');
  });

  it('reports a Secret of the wrong type or without the TLS keys, relating the Secret', async () => {
    const [opaque, half, generic] = await findingsOf('fail-not-tls.yaml');
    expect(opaque.message).toContain('Secret/default/opaque-tls, which has type Opaque (the default) instead of kubernetes.io/tls');
    expect(opaque.message).toContain('controllers that accept only kubernetes.io/tls Secrets');
    expect(opaque.related.map((r) => [r.note, r.range.startLine])).toEqual([['the Secret', 12]]);
    expect(half.message).toContain('which has no tls.key key, so the controller cannot load a certificate from it');
    expect(half.related[0].range.startLine).toBe(22);
    expect(generic.message).toContain('has type Opaque instead of kubernetes.io/tls and has no tls.crt or tls.key key');
    expect(generic.related[0].range.startLine).toBe(29);
    // Secret values never appear in messages.
    expect([opaque, half, generic].some((f) => f.message.includes('Y2VydA') || f.message.includes('placeholder'))).toBe(false);
  });

  it('caps the finding at info when the input has no Secret at all', async () => {
    const [f] = await tlsFindings(INGRESS);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(9);
    expect(f.message).toContain('the input has no Secret objects at all');
  });

  it('reports at the rule level when another Secret exists, or with references: strict', async () => {
    const [withOther] = await tlsFindings(INGRESS + OTHER_SECRET);
    expect(withOther.severity).toBe('warning');
    const [strict] = await tlsFindings(INGRESS, { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain('the input has no Secret objects');
  });

  it('stays silent for Secrets declared external', async () => {
    expect(await tlsFindings(INGRESS + OTHER_SECRET, { config: { external: ['Secret/*/vault-*'] } })).toEqual([]);
    expect(await tlsFindings(INGRESS + OTHER_SECRET, { config: { external: ['Secret/other/vault-*'] } })).toHaveLength(1);
  });

  it('lowers the finding to info when a custom resource of that name prefix may create the Secret', async () => {
    const operator = `---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: vault-shop
  namespace: web
spec:
  version: 8.15.0
`;
    const [f] = await tlsFindings(INGRESS + OTHER_SECRET + operator);
    expect(f.severity).toBe('info');
    expect(f.message).toContain('if the operator of Elasticsearch/web/vault-shop does not create it');
    expect(f.related[0].note).toBe('custom resource that may create the Secret');
    const [strict] = await tlsFindings(INGRESS + OTHER_SECRET + operator, { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
  });

  it('honours a drydock-ignore comment above secretName', async () => {
    const text = INGRESS.replace('      secretName: vault-shop-tls', '      # drydock-ignore ingress-tls-secret\n      secretName: vault-shop-tls');
    expect(await tlsFindings(text + OTHER_SECRET)).toEqual([]);
  });
});
