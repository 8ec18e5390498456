import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('secret-in-env');

describe('secret-in-env details', () => {
  it('reports fail-env.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('secret-in-env', 'fail-env.yaml');
    expect(f.ruleId).toBe('secret-in-env');
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toBe(
      "Env var \"DB_PASSWORD\" of container \"api\" in Pod/default/api reads Secret \"db\" into the environment, where child processes, crash dumps and environment dumps can expose it; mount the Secret as a file instead.",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # drydock-ignore secret-in-env\n    - name: a\n      image: example/a:1.0.0\n      envFrom:\n        - secretRef:\n            name: s\n    - name: b\n      image: example/b:1.0.0\n      envFrom:\n        - secretRef:\n            name: s\n";
    const result = await lintText(text, { ruleLevels: { 'secret-in-env': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'secret-in-env').map((x) => x.location.range.startLine)).toEqual([16]);
  });
});
