import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

const RULE = 'dangling-secret-ref';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string, options = {}) => fixtureFindings(RULE, fixture, options);
const ABSENT_NOTE = 'the input has no Secret objects at all';

describe('dangling-secret-ref details', () => {
  it('points at the name of env and envFrom references and says what happens', async () => {
    const found = await findingsOf('fail-env.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [36, 25],
      [40, 23],
      [47, 23],
    ]);
    expect(found[0].message).toBe(
      'Container "api" of Deployment/default/api reads env var "API_TOKEN" from Secret "api-token", which is not in the input in namespace "default", so the container cannot start (CreateContainerConfigError).',
    );
    expect(found[1].message).toContain('Container "api" of Deployment/default/api loads every key (envFrom) of Secret "api-env"');
    expect(found[2].message).toContain('Container "sidecar"');
  });

  it('reads secretName of secret volumes and name of projected sources', async () => {
    const found = await findingsOf('fail-volumes.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([36, 43]);
    expect(found[0].message).toBe(
      'Volume "certs" of DaemonSet/tls/agent mounts Secret "agent-tls", which is not in the input in namespace "tls", so the volume cannot be mounted and the pod stays in ContainerCreating (FailedMount).',
    );
    expect(found[1].message).toContain('Projected volume "bundle" of DaemonSet/tls/agent includes Secret "agent-client"');
  });

  describe('reference policy', () => {
    it('reports at the rule level when the input has other Secrets', async () => {
      const found = await findingsOf('fail-env.yaml');
      expect(found.every((f) => f.severity === 'warning' && !f.message.includes(ABSENT_NOTE))).toBe(true);
    });

    it('caps the finding at info, with a note, when the input has no Secret at all', async () => {
      const [f, ...rest] = await findingsOf('fail-absent-kind.yaml');
      expect(rest).toEqual([]);
      expect(f.location.range.startLine).toBe(14);
      expect(f.severity).toBe('info');
      expect(f.message).toContain(`(${ABSENT_NOTE}, so it may be managed elsewhere: list it under "external" in .drydock.yaml, or set references: strict).`);
    });

    it('keeps the info cap even when the user raises the rule level', async () => {
      const [f] = await findingsOf('fail-absent-kind.yaml', { ruleLevels: { [RULE]: 'error' } });
      expect(f.severity).toBe('info');
    });

    it('reports at the rule level, without the note, with references: strict', async () => {
      const [f] = await findingsOf('fail-absent-kind.yaml', { config: { references: 'strict' } });
      expect(f.severity).toBe('warning');
      expect(f.message).not.toContain(ABSENT_NOTE);
    });

    it('stays silent on Secrets declared external', async () => {
      expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['Secret/*/hf-*'] } })).toEqual([]);
      const left = await findingsOf('fail-env.yaml', { config: { external: ['Secret/default/api-*'] } });
      expect(left.map((f) => f.location.range.startLine)).toEqual([47]);
    });

    it('a glob for another namespace or kind does not silence it', async () => {
      expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['Secret/prod/*', 'ConfigMap/*/hf-secret'] } })).toHaveLength(1);
    });
  });

  describe('operators', () => {
    it('softens to info and relates the custom resource whose operator may create the Secret', async () => {
      const [byOperator, plain] = await findingsOf('fail-operator-owner.yaml');
      expect(byOperator.location.range.startLine).toBe(47);
      expect(byOperator.severity).toBe('info');
      expect(byOperator.message).toBe(
        'Container "psql" of Pod/db/client reads env var "PGPASSWORD" from Secret "pg-app", which is not in the input in namespace "db"; if the operator of Cluster/db/pg does not create it, the container cannot start (CreateContainerConfigError).',
      );
      expect(byOperator.related).toHaveLength(1);
      expect(byOperator.related[0].note).toBe('custom resource that may create the Secret');
      expect(byOperator.related[0].range.startLine).toBe(15);
      // A ServiceMonitor named like the app creates no Secrets.
      expect(plain.severity).toBe('warning');
      expect(plain.related).toEqual([]);
    });

    it('reports operator-owned candidates at the rule level with references: strict', async () => {
      const found = await findingsOf('fail-operator-owner.yaml', { config: { references: 'strict' } });
      expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
    });

    it('counts Secrets that SealedSecret, ExternalSecret, Certificate, KafkaUser, Zalando and cert-manager ingress-shim create', async () => {
      expect(await findingsOf('pass-produced')).toEqual([]);
      // Without the producers, every reference would be reported.
      const pod = readFileSync(path.join(ROOT, 'test/fixtures/rules/dangling-secret-ref/pass-produced/pod.yaml'), 'utf8');
      const alone = await lintText(pod);
      expect(alone.findings.filter((f) => f.ruleId === RULE)).toHaveLength(7);
    });
  });

  it('leaves imagePullSecrets to dangling-image-pull-secret and ConfigMaps to dangling-config-ref', async () => {
    const result = await lintText(
      readFileSync(path.join(ROOT, 'test/fixtures/rules/dangling-secret-ref/pass-optional-and-other-refs.yaml'), 'utf8'),
    );
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).not.toContain(RULE);
    expect(ids).toContain('dangling-image-pull-secret');
    expect(ids).toContain('dangling-config-ref');
  });
});
