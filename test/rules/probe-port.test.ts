import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('probe-port');


const findingsOf = (file: string) => fixtureFindings('probe-port', file);

describe('probe-port messages', () => {
  it('explains an unknown name with the consequence for each probe kind', async () => {
    const found = await findingsOf('fail-unknown-name.yaml');
    const liveness = found.find((f) => f.location.range.startLine === 24);
    expect(liveness?.severity).toBe('error');
    expect(liveness?.message).toContain('port name "healthz"');
    expect(liveness?.message).toContain('it names "http"');
    expect(liveness?.message).toContain('restarts the container');
    expect(liveness?.message).toContain('Deployment/default/web');
    const startup = found.find((f) => f.location.range.startLine === 30);
    expect(startup?.message).toContain('startup probe never succeeds');
  });

  it('says which sibling declares the name', async () => {
    const found = await findingsOf('fail-name-of-sibling.yaml');
    const db = found.find((f) => f.location.range.startLine === 35);
    expect(db?.message).toContain('only container "proxy" declares it');
    const proxy = found.find((f) => f.location.range.startLine === 26);
    expect(proxy?.message).toContain('sidecar container "proxy"');
    expect(proxy?.message).toContain('never becomes Ready');
  });

  it('tells to write a quoted number without quotes', async () => {
    const found = await findingsOf('fail-digit-string.yaml');
    expect(found).toHaveLength(2);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toContain('write the number 8080 without quotes');
  });

  it('reports an undeclared number as a warning and a bad number as an error', async () => {
    const warn = await findingsOf('fail-number-not-declared.yaml');
    expect(warn.map((f) => [f.location.range.startLine, f.severity])).toEqual([
      [14, 'warning'],
      [20, 'warning'],
    ]);
    expect(warn[0].message).toContain('port 80');
    expect(warn[0].message).toContain('it declares 8080');
    const bad = await findingsOf('fail-out-of-range.yaml');
    expect(bad.every((f) => f.severity === 'error')).toBe(true);
    expect(bad.find((f) => f.location.range.startLine === 20)?.message).toContain('between 1 and 65535');
    expect(bad.find((f) => f.location.range.startLine === 25)?.message).toContain("has no port");
  });

  it('rejects gRPC port names', async () => {
    const found = await findingsOf('fail-grpc.yaml');
    expect(found.find((f) => f.location.range.startLine === 23)?.message).toContain("must be a number");
  });
});
