import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('host-process');

describe('host-process details', () => {
  it('reports fail-host-process.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('host-process', 'fail-host-process.yaml');
    expect(f.ruleId).toBe('host-process');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(9);
    expect(f.message).toBe(
      "Pod/default/win-pod runs its containers as Windows HostProcess containers, directly on the node with its network, processes and files, so a compromise of the pod is a compromise of the node.",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    # drydock-ignore host-process\n    - name: a\n      image: example/a:1.0.0\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n    - name: b\n      image: example/b:1.0.0\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n";
    const result = await lintText(text, { ruleLevels: { 'host-process': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'host-process').map((x) => x.location.range.startLine)).toEqual([18]);
  });
});
