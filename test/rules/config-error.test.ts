import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('config-error');

describe('config-error messages', () => {
  it("gives the kubelet's CreateContainerConfigError for a missing ConfigMap key, at the key", async () => {
    const [f, ...rest] = await fixtureFindings('config-error', 'fail-missing-key.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(36);
    expect(f.message).toBe(
      'All 2 pods of Deployment/default/reader would never start: container app: CreateContainerConfigError: couldn\'t find key level in ConfigMap default/settings',
    );
    expect(f.related.map((r) => [r.range.startLine, r.note])).toEqual([[5, 'ConfigMap without the key']]);
  });

  it('reports the FailedMount of a volume whose ConfigMap is missing', async () => {
    const [f] = await fixtureFindings('config-error', 'fail-missing-volume-configmap.yaml');
    expect(f.location.range.startLine).toBe(31);
    expect(f.message).toBe(
      'Pod/default/web would never start: pod stuck ContainerCreating: MountVolume.SetUp failed for volume "conf" : configmap "nginx-conf" not found',
    );
  });

  it('assumes ConfigMaps exist when the input has none, unless references are strict', async () => {
    expect(await fixtureFindings('config-error', 'pass-configmaps-not-in-input.yaml')).toEqual([]);
    const strict = await fixtureFindings('config-error', 'pass-configmaps-not-in-input.yaml', { config: { references: 'strict' } });
    expect(strict.map((f) => f.message)).toEqual([
      'All 2 pods of Deployment/default/reader would never start: container app: CreateContainerConfigError: configmap "settings" not found (and 1 more missing reference)',
    ]);
  });
});
