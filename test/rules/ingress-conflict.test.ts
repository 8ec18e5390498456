import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('ingress-conflict');

const DIR = 'test/fixtures/rules/ingress-conflict';

const findingsOf = (fixture: string) => fixtureFindings('ingress-conflict', fixture);

describe('ingress-conflict details', () => {
  it('names both Ingresses and relates the first claim', async () => {
    const [f, ...rest] = await findingsOf('fail-two-ingresses.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(37);
    expect(f.message).toContain('Ingress/default/api-v2 claims host "shop.example.com" and path "/api" (Prefix) of ingress class "nginx"');
    expect(f.message).toContain('which Ingress/default/api already claims');
    expect(f.related).toHaveLength(1);
    expect(f.related[0].note).toBe('first claimed here');
    expect(f.related[0].range.startLine).toBe(12);
  });

  it('names both backends of a conflict inside one Ingress', async () => {
    const [f] = await findingsOf('fail-same-object.yaml');
    expect(f.message).toContain('claims host "web.example.com" and path "/static" (Exact) twice');
    expect(f.message).toContain('Service assets port 80 and for Service assets port "http"');
  });

  it('normalizes old-API defaults and relates every later claim to the first one', async () => {
    const found = await findingsOf('fail-old-api.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([28, 42]);
    for (const f of found) {
      expect(f.message).toContain('host "*" (every host) and path "/" (ImplementationSpecific) of ingress class "nginx"');
      expect(f.message).toContain('Ingress/default/legacy already claims');
      expect(f.related[0].range.startLine).toBe(13);
    }
  });

  it('groups an Ingress without class with the default IngressClass', async () => {
    const [f] = await findingsOf('fail-default-class');
    expect(f.location.file).toBe(`${DIR}/fail-default-class/b-implicit.yaml`);
    expect(f.message).toContain('of ingress class "nginx"');
    expect(f.related[0].file).toBe(`${DIR}/fail-default-class/a-explicit.yaml`);
  });

  it('does not throw on malformed Ingresses', async () => {
    expect(await findingsOf('pass-odd-types.yaml')).toEqual([]);
  });
});
