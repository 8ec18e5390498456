import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('ingress-without-tls');

describe('ingress-without-tls details', () => {
  it('reports fail-plain.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('ingress-without-tls', 'fail-plain.yaml');
    expect(f.ruleId).toBe('ingress-without-tls');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(4);
    expect(f.message).toBe(
      "Ingress/default/shop serves \"shop.example.com\" without TLS, so that traffic crosses the network as plain HTTP, readable and modifiable on the way; add a tls entry with a certificate Secret.",
    );
  });
});
