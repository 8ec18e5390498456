import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

const RULE = 'dangling-pvc';
describeRuleFixtures(RULE);

const findingsOf = (fixture: string, options = {}) => fixtureFindings(RULE, fixture, options);

describe('dangling-pvc details', () => {
  it('points at claimName and says the pods stay Pending', async () => {
    const found = await findingsOf('fail-missing-claim.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.location.range.startColumn])).toEqual([
      [40, 24],
      [60, 24],
    ]);
    expect(found[0].message).toBe(
      'Volume "cache" of Deployment/default/cms claims PersistentVolumeClaim "cms-cache", which is not in the input in namespace "default", so the pods stay Pending (persistentvolumeclaim not found).',
    );
    expect(found[1].message).toContain('PersistentVolumeClaim "uploads", which is not in the input in namespace "ops"');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('explains that only volumes named like a claim template are replaced', async () => {
    const [f] = await findingsOf('fail-statefulset-volume-name.yaml', { config: { references: 'strict' } });
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('the StatefulSet only replaces volumes named like a claim template, so name this volume "data" to use claim template "data"');
  });

  it('caps at info when the input has no PersistentVolumeClaim, and honours external globs', async () => {
    const [f] = await findingsOf('fail-absent-kind.yaml');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('the input has no PersistentVolumeClaim objects at all');
    expect(await findingsOf('fail-absent-kind.yaml', { config: { external: ['PersistentVolumeClaim/*/scratch'] } })).toEqual([]);
  });
});
