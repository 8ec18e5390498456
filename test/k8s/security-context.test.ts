import { describe, expect, it } from 'vitest';
import { containersOf, podTemplateOf } from '../../src/k8s/pod-template.js';
import { effectiveSecurityContext, isWindowsPod, normalizeCapability, usesUserNamespace } from '../../src/k8s/security-context.js';

function effective(spec: Record<string, unknown>, index = 0) {
  const object: Record<string, unknown> = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec } } };
  const template = podTemplateOf(object)!;
  return effectiveSecurityContext(template, containersOf(template)[index]);
}

describe('effectiveSecurityContext', () => {
  it('takes runAsUser and runAsNonRoot from the container first, then from the pod', () => {
    const sc = effective({
      securityContext: { runAsUser: 1000, runAsNonRoot: true },
      containers: [{ name: 'a', securityContext: { runAsUser: 0 } }],
    });
    expect(sc.runAsUser).toEqual({
      value: 0,
      raw: 0,
      path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsUser'],
      from: 'container',
    });
    expect(sc.runAsNonRoot).toMatchObject({ value: true, from: 'pod', path: ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'] });
  });

  it('treats a null container value as unset', () => {
    const sc = effective({ securityContext: { runAsUser: 1000 }, containers: [{ name: 'a', securityContext: { runAsUser: null } }] });
    expect(sc.runAsUser).toMatchObject({ value: 1000, from: 'pod' });
  });

  it('never takes container-only fields from the pod', () => {
    const sc = effective({
      securityContext: { privileged: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { add: ['SYS_ADMIN'] } },
      containers: [{ name: 'a' }],
    });
    expect(sc.privileged.value).toBeUndefined();
    expect(sc.allowPrivilegeEscalation.path).toBeUndefined();
    expect(sc.readOnlyRootFilesystem.value).toBeUndefined();
    expect(sc.capabilities.add).toEqual([]);
  });

  it('keeps wrongly typed values as raw only', () => {
    const sc = effective({ containers: [{ name: 'a', securityContext: { runAsUser: '1000', privileged: 'true' } }] });
    expect(sc.runAsUser).toMatchObject({ value: undefined, raw: '1000', from: 'container' });
    expect(sc.privileged).toMatchObject({ value: undefined, raw: 'true' });
  });

  it('survives odd shapes', () => {
    expect(effective({ securityContext: [1], containers: [{ name: 'a', securityContext: 'x' }] }).runAsUser.value).toBeUndefined();
    const sc = effective({ containers: [{ name: 'a', securityContext: { capabilities: { add: 'SYS_ADMIN', drop: [null, 'all'] } } }] });
    expect(sc.capabilities.add).toEqual([]);
    expect(sc.capabilities.drop.map((c) => [c.raw, c.name])).toEqual([['all', 'ALL']]);
  });

  it('normalises capability names', () => {
    expect(normalizeCapability('cap_sys_admin')).toBe('SYS_ADMIN');
    expect(normalizeCapability('NET_ADMIN')).toBe('NET_ADMIN');
  });
});

describe('pod-level switches', () => {
  const template = (spec: Record<string, unknown>) => podTemplateOf({ apiVersion: 'v1', kind: 'Pod', spec } as Record<string, unknown>)!;
  it('recognises Windows pods and user namespaces', () => {
    expect(isWindowsPod(template({ os: { name: 'windows' } }))).toBe(true);
    expect(isWindowsPod(template({ os: 'windows' }))).toBe(false);
    expect(usesUserNamespace(template({ hostUsers: false }))).toBe(true);
    expect(usesUserNamespace(template({ hostUsers: 'false' }))).toBe(false);
  });
});
