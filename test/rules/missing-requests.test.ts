import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-requests');


const findingsOf = (fixture: string) => fixtureFindings('missing-requests', fixture);

describe('missing-requests details', () => {
  it('names what is missing, once per container', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const byLine = new Map(findings.map((f) => [f.location.range.startLine, f]));
    expect(findings).toHaveLength(5);
    expect(byLine.get(23)?.message).toBe(
      'Container "no-resources" of Deployment/default/web has no cpu and memory requests, so the scheduler places its pods as if they needed no cpu or memory and they are among the first evicted under node pressure.',
    );
    expect(byLine.get(19)?.message).toContain('Container "proxy"');
    expect(byLine.get(28)?.message).toContain('"cpu-only" of Deployment/default/web has no memory request');
    expect(byLine.get(32)?.message).toContain('"limit-counts" of Deployment/default/web has no memory request');
    expect(byLine.get(38)?.message).toContain('"memory-from-limit" of Deployment/default/web has no cpu request');
    for (const f of findings) expect(f.severity).toBe('warning');
  });

  it('points at the requests key, the resources key, or the container name', async () => {
    const findings = await findingsOf('fail-containers.yaml');
    const at = (line: number) => findings.find((f) => f.location.range.startLine === line)!.location.range;
    expect(at(28).startColumn).toBe(13); // `requests:` key
    expect(at(32).startColumn).toBe(11); // `resources:` key
    expect(at(23).startColumn).toBe(17); // the name value
  });
});
