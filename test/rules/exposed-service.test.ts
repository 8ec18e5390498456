import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('exposed-service');

describe('exposed-service details', () => {
  it('reports fail-nodeport.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('exposed-service', 'fail-nodeport.yaml');
    expect(f.ruleId).toBe('exposed-service');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(6);
    expect(f.message).toBe(
      "Service/default/admin is of type NodePort, so it opens its port on every node of the cluster, reachable by anything that can reach a node and outside any Ingress or load balancer controls; expose it through an Ingress or Gateway instead, or restrict who can reach it.",
    );
  });
});
