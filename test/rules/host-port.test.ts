import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('host-port');

describe('host-port details', () => {
  it('names the port, the container and the workload', async () => {
    const found = await fixtureFindings('host-port', 'fail-host-port.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([19, 26, 29]);
    expect(found[0].message).toContain('Init container "probe-helper" of Deployment/default/ingress binds host port 9000');
    expect(found[1].message).toContain('Container "controller" of Deployment/default/ingress binds host port 80');
    expect(found[1].severity).toBe('warning');
  });
});
