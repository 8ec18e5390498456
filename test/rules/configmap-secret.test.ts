import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('configmap-secret');

describe('configmap-secret details', () => {
  it('reports fail-credentials.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('configmap-secret', 'fail-credentials.yaml');
    expect(f.ruleId).toBe('configmap-secret');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(7);
    expect(f.message).toBe(
      "ConfigMap/default/app key \"DB_PASSWORD\" looks like a credential with a literal value, so anyone allowed to read ConfigMaps can read it; move it to a Secret.",
    );
  });
});
