import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('ssh-port');

describe('ssh-port details', () => {
  it('reports fail-ssh.yaml with its consequence', async () => {
    const [f] = await fixtureFindings('ssh-port', 'fail-ssh.yaml');
    expect(f.ruleId).toBe('ssh-port');
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(18);
    expect(f.message).toBe(
      "Container \"sshd\" of Deployment/default/bastion exposes port 22, so it likely runs an SSH server: a way in that bypasses the RBAC and audit of kubectl exec.",
    );
  });

  it('is suppressed inside a container by a drydock-ignore comment above its name', async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # drydock-ignore ssh-port\n    - name: sshd\n      image: example/sshd:1.0.0\n      ports:\n        - containerPort: 22\n    - name: other\n      image: example/sshd:1.0.0\n      ports:\n        - containerPort: 22\n";
    const result = await lintText(text, { ruleLevels: { 'ssh-port': 'warning' } });
    expect(result.findings.filter((x) => x.ruleId === 'ssh-port').map((x) => x.location.range.startLine)).toEqual([15]);
  });
});
