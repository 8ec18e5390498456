import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('privileged-port');

describe('privileged-port details', () => {
  it('reports fail-low-ports.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('privileged-port', 'fail-low-ports.yaml');
    expect(f.ruleId).toBe('privileged-port');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toBe(
      "Container \"web\" of Pod/default/web listens on privileged port 80, which needs root or NET_BIND_SERVICE on runtimes that keep the default unprivileged port range; listen on a port of 1024 or above and map it in the Service.",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # drydock-ignore privileged-port\n    - name: a\n      image: example/a:1.0.0\n      ports:\n        - containerPort: 80\n    - name: b\n      image: example/b:1.0.0\n      ports:\n        - containerPort: 443\n";
    const result = await lintText(text, { ruleLevels: { 'privileged-port': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'privileged-port').map((x) => x.location.range.startLine)).toEqual([15]);
  });
});
