import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

const RULE = 'dangling-config-ref';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string, options = {}) => fixtureFindings(RULE, fixture, options);
const ABSENT_NOTE = 'the input has no ConfigMap objects at all';

describe('dangling-config-ref details', () => {
  it('reports env and envFrom references, init containers included, at the name', async () => {
    const found = await findingsOf('fail-env-and-envfrom.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [28, 23],
      [41, 25],
      [46, 25],
      [52, 23],
    ]);
    expect(found[0].message).toBe(
      'Container "migrate" of Deployment/default/web loads every key (envFrom) of ConfigMap "migrate-env", which is not in the input in namespace "default", so the container cannot start (CreateContainerConfigError).',
    );
    expect(found[1].message).toContain('Container "web" of Deployment/default/web reads env var "FEATURE_FLAGS" from ConfigMap "feature-flags"');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reports configMap volumes and projected sources with the mount outcome', async () => {
    const found = await findingsOf('fail-volumes.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([41, 51]);
    expect(found[0].message).toBe(
      'Volume "extra" of StatefulSet/edge/proxy mounts ConfigMap "nginx-extra", which is not in the input in namespace "edge", so the volume cannot be mounted and the pod stays in ContainerCreating (FailedMount).',
    );
    expect(found[1].message).toContain('Projected volume "all" of StatefulSet/edge/proxy includes ConfigMap "proxy-routes"');
  });

  it('looks in the pod namespace only', async () => {
    const [f] = await findingsOf('fail-other-namespace');
    expect(f.message).toContain('ConfigMap "common", which is not in the input in namespace "apps"');
    expect(f.severity).toBe('warning');
  });

  it('caps at info when the input has no ConfigMap, unless references: strict; external globs silence it', async () => {
    const [capped] = await findingsOf('fail-absent-kind.yaml');
    expect(capped.severity).toBe('info');
    expect(capped.message).toContain(ABSENT_NOTE);
    const [strict] = await findingsOf('fail-absent-kind.yaml', { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain(ABSENT_NOTE);
    expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['ConfigMap/default/report-*'] } })).toEqual([]);
  });
});
