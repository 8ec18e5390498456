import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('privilege-escalation');

describe('privilege-escalation details', () => {
  it('says the field defaults to true when it is missing, at the container name', async () => {
    const found = await fixtureFindings('privilege-escalation', 'fail-unset.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([15, 20, 22]);
    expect(found[0].message).toContain('Init container "migrate" of Deployment/default/web does not set allowPrivilegeEscalation: false');
    expect(found[0].message).toContain('defaults to true');
    expect(found[0].severity).toBe('warning');
  });

  it('points at an explicit true', async () => {
    const [f] = await fixtureFindings('privilege-escalation', 'fail-true.yaml');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toContain('sets allowPrivilegeEscalation: true');
  });

  it('reports false with privileged or CAP_SYS_ADMIN as an object the API server rejects', async () => {
    const found = await fixtureFindings('privilege-escalation', 'fail-forced-escalation.yaml');
    expect(found.map((f) => [f.location.range.startLine, f.severity])).toEqual([
      [19, 'error'],
      [23, 'error'],
      [29, 'warning'],
    ]);
    expect(found[0].message).toContain('together with privileged: true, so the API server rejects the object');
    expect(found[0].related.map((r) => [r.range.startLine, r.note])).toEqual([[18, 'privileged: true']]);
    expect(found[1].message).toContain('adds CAP_SYS_ADMIN, so the API server rejects the object');
    expect(found[1].related[0].range.startLine).toBe(25);
    expect(found[2].message).toContain('adds SYS_ADMIN, which lets its processes gain privileges anyway');
  });

  it('lets a configured level apply to the rejected combinations too', async () => {
    const found = await fixtureFindings('privilege-escalation', 'fail-forced-escalation.yaml', {
      ruleLevels: { 'privilege-escalation': 'info' },
    });
    expect(found.map((f) => f.severity)).toEqual(['info', 'info', 'info']);
  });
});
