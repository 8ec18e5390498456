import { describe, expect, it } from 'vitest';
import { isDefaultClusterRole, isDefaultRole, roleRefOf } from '../../src/k8s/rbac.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-role-ref');

const ID = 'dangling-role-ref';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

const BINDING_ONLY = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: apps
subjects:
  - kind: ServiceAccount
    name: web
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: vault-reader
`;
const OTHER_ROLE = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: something-else
  namespace: apps
rules: []
`;

async function roleRefFindings(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

describe('dangling-role-ref details', () => {
  it('names the binding, the role and the namespace, at roleRef.name', async () => {
    const found = await findingsOf('fail-missing-roles.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([32, 46, 61]);
    expect(found[0].message).toContain('RoleBinding/apps/read-pods binds Role "pod-readr", which is not in the input in namespace "apps"');
    expect(found[1].message).toContain('ClusterRoleBinding/read-nodes binds ClusterRole "node-readers", which is not in the input,');
    expect(found[2].message).toContain('RoleBinding/apps/read-secrets binds ClusterRole "secret-reader"');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('points out a Role of that name in another namespace', async () => {
    const [f] = await findingsOf('fail-role-in-other-namespace.yaml');
    expect(f.message).toContain('Role/team-a/pod-reader exists, but a RoleBinding can only use a Role of its own namespace');
  });

  it('points out the role under the other kind, and rejects a ClusterRoleBinding to a Role', async () => {
    const [wrongKind, clusterToRole] = await findingsOf('fail-wrong-kind.yaml');
    expect(wrongKind.message).toContain('a ClusterRole "config-reader" exists: set roleRef.kind to ClusterRole');
    // No Role objects at all, yet the near miss shows the input meant to define it: not capped.
    expect(wrongKind.severity).toBe('warning');
    expect(clusterToRole.location.range.startLine).toBe(35);
    expect(clusterToRole.severity).toBe('error');
    expect(clusterToRole.message).toContain('a ClusterRoleBinding can only refer to a ClusterRole');
  });

  it('caps the finding at info when the input has no Role at all', async () => {
    const [f] = await roleRefFindings(BINDING_ONLY);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(12);
    expect(f.message).toContain('the input has no Role objects at all');
  });

  it('reports at the rule level when another Role exists, or with references: strict', async () => {
    const [withOther] = await roleRefFindings(BINDING_ONLY + OTHER_ROLE);
    expect(withOther.severity).toBe('warning');
    expect(withOther.message).not.toContain('the input has no Role objects');
    const [strict] = await roleRefFindings(BINDING_ONLY, { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain('the input has no Role objects');
  });

  it('stays silent for roles declared external', async () => {
    expect(await roleRefFindings(BINDING_ONLY + OTHER_ROLE, { config: { external: ['Role/*/vault-*'] } })).toEqual([]);
    expect(await roleRefFindings(BINDING_ONLY + OTHER_ROLE, { config: { external: ['Role/other/vault-*'] } })).toHaveLength(1);
  });

  it('honours a drydock-ignore comment above roleRef.name', async () => {
    const text = BINDING_ONLY.replace('  name: vault-reader', '  # drydock-ignore dangling-role-ref\n  name: vault-reader');
    expect(await roleRefFindings(text + OTHER_ROLE)).toEqual([]);
  });
});

describe('k8s/rbac', () => {
  it('knows the default roles', () => {
    for (const name of ['cluster-admin', 'admin', 'edit', 'view', 'system:auth-delegator', 'system:controller:job-controller'])
      expect(isDefaultClusterRole(name)).toBe(true);
    expect(isDefaultClusterRole('viewer')).toBe(false);
    expect(isDefaultRole('kube-system', 'extension-apiserver-authentication-reader')).toBe(true);
    expect(isDefaultRole('kube-public', 'system:controller:bootstrap-signer')).toBe(true);
    expect(isDefaultRole('apps', 'extension-apiserver-authentication-reader')).toBe(false);
    expect(isDefaultRole('apps', 'system:custom')).toBe(false);
  });

  it('reads roleRef leniently', () => {
    expect(roleRefOf({ roleRef: null })).toBeUndefined();
    expect(roleRefOf({ roleRef: { kind: 'Role', name: 7 } })).toEqual({ path: ['roleRef'], apiGroup: undefined, kind: 'Role', name: undefined });
  });
});
