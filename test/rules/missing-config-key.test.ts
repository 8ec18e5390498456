import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

const RULE = 'missing-config-key';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string) => fixtureFindings(RULE, fixture);

describe('missing-config-key details', () => {
  it('points at the key of env references and relates the object', async () => {
    const found = await findingsOf('fail-env-keys.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [47, 24],
      [52, 24],
      [67, 24],
    ]);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found[0].message).toBe(
      'Container "app" of Deployment/default/app reads env var "LOG_FORMAT" from key "LOG_FORMAT" of ConfigMap/default/app-config, which has no such key in data, so the container cannot start (CreateContainerConfigError).',
    );
    expect(found[0].related.map((r) => [r.note, r.range.startLine])).toEqual([['the ConfigMap', 5]]);
    expect(found[1].message).toContain('which has "logo.png" only in binaryData, where env vars cannot read it');
    expect(found[2].message).toContain('key "username" of Secret/default/app-secret, which has no such key in data or stringData');
    expect(found[2].related.map((r) => [r.note, r.range.startLine])).toEqual([['the Secret', 14]]);
  });

  it('checks volume items against data and binaryData, projected sources included', async () => {
    const found = await findingsOf('fail-volume-items.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([47, 55, 63]);
    expect(found[0].message).toBe(
      'Volume "files" of Pod/web/web mounts key "robots.txt" of ConfigMap/web/web-files, which has no such key in data or binaryData, so the volume cannot be mounted and the pod stays in ContainerCreating (FailedMount).',
    );
    expect(found[1].message).toContain('key "ca.crt" of Secret/web/web-tls');
    expect(found[2].message).toContain('Projected volume "all" of Pod/web/web includes key "style.css"');
  });

  it('judges the first of duplicate objects', async () => {
    const [f] = await findingsOf('fail-duplicate-object.yaml');
    expect(f.related[0].range.startLine).toBe(5);
  });
});
