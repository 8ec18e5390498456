import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

const RULE = 'dangling-image-pull-secret';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string, options = {}) => fixtureFindings(RULE, fixture, options);

describe('dangling-image-pull-secret details', () => {
  it('points at the entry name and explains the pull failure', async () => {
    const found = await findingsOf('fail-missing.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [28, 17],
      [40, 13],
    ]);
    expect(found[0].message).toBe(
      'Deployment/build/builder pulls images with Secret "mirror-registry" (imagePullSecrets), which is not in the input in namespace "build", so the kubelet pulls without these credentials and images from a private registry fail with ImagePullBackOff.',
    );
    expect(found[1].message).toContain('Pod/run/runner pulls images with Secret "registry"');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('caps at info when the input has no Secret, unless references: strict; external globs silence it', async () => {
    const [capped] = await findingsOf('fail-absent-kind.yaml');
    expect(capped.severity).toBe('info');
    expect(capped.message).toContain('the input has no Secret objects at all');
    const [strict] = await findingsOf('fail-absent-kind.yaml', { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['Secret/*/ghcr'] } })).toEqual([]);
  });
});
