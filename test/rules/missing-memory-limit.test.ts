import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-memory-limit');


const findingsOf = (fixture: string) => fixtureFindings('missing-memory-limit', fixture);

describe('missing-memory-limit details', () => {
  it('names the container and the consequence', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const f = findings.find((x) => x.location.range.startLine === 23)!;
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Container "no-resources" of Deployment/default/web has no memory limit, so it can use all the memory of its node and get neighbouring containers OOM-killed.',
    );
  });

  it('points at the limits key, then the resources key', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const at = (line: number) => findings.find((f) => f.location.range.startLine === line)!.location.range;
    expect(at(28).startColumn).toBe(13);
    expect(at(32).startColumn).toBe(11);
  });
});
