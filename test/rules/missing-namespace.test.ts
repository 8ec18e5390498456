import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-namespace');

const ID = 'missing-namespace';
const findingsOf = (fixture: string) => fixtureFindings(ID, fixture);

const INPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team-billing
data:
  mode: production
`;

async function nsFindings(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

describe('missing-namespace details', () => {
  it('reports each object at its metadata.namespace, with a hint for a likely typo', async () => {
    const found = await findingsOf('fail-undefined-namespace.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([15, 23, 31, 40]);
    expect(found[0].message).toBe(
      'ConfigMap/shpo/settings is in namespace "shpo", which the input does not define, so applying it fails with namespaces "shpo" not found unless the namespace is created elsewhere (did you mean "shop"?).',
    );
    expect(found[1].message).not.toContain('did you mean');
    expect(found[3].message).toContain('(did you mean "monitoring"?)');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('honours external namespaces', async () => {
    expect(await nsFindings(INPUT)).toHaveLength(1);
    expect(await nsFindings(INPUT, { config: { external: ['Namespace/team-*'] } })).toEqual([]);
    expect(await nsFindings(INPUT, { config: { external: ['Namespace/other'] } })).toHaveLength(1);
  });

  it('stays silent when the input defines no Namespace, even with references: strict', async () => {
    const withoutNamespace = INPUT.slice(INPUT.indexOf('---\n') + 4);
    expect(await nsFindings(withoutNamespace)).toEqual([]);
    expect(await nsFindings(withoutNamespace, { config: { references: 'strict' } })).toEqual([]);
  });

  it('stays silent for objects that name no namespace, whatever the run namespace', async () => {
    const text = INPUT.replace('  namespace: team-billing\n', '');
    expect(await nsFindings(text, { namespace: 'elsewhere' })).toEqual([]);
  });

  it('honours a drydock-ignore comment above metadata.namespace', async () => {
    const text = INPUT.replace('  namespace: team-billing', '  # drydock-ignore missing-namespace\n  namespace: team-billing');
    expect(await nsFindings(text)).toEqual([]);
  });
});
