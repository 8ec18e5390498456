import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('unsafe-proc-mount');

describe('unsafe-proc-mount details', () => {
  it('reports fail-unmasked.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('unsafe-proc-mount', 'fail-unmasked.yaml');
    expect(f.ruleId).toBe('unsafe-proc-mount');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toBe(
      "Container \"builder\" of Pod/default/builder sets procMount: Unmasked outside a user namespace, which removes the masking of the host kernel's sensitive /proc entries (and breaks the Pod Security baseline level).",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # drydock-ignore unsafe-proc-mount\n    - name: a\n      image: example/a:1.0.0\n      securityContext:\n        procMount: Unmasked\n    - name: b\n      image: example/b:1.0.0\n      securityContext:\n        procMount: Unmasked\n";
    const result = await lintText(text, { ruleLevels: { 'unsafe-proc-mount': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'unsafe-proc-mount').map((x) => x.location.range.startLine)).toEqual([15]);
  });
});
