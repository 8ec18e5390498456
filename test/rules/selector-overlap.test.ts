import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, FIXTURES, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('selector-overlap');

describe('selector-overlap', () => {
  it('reports the pair once, at the later workload, relating the earlier one', async () => {
    const [f, ...rest] = await fixtureFindings('selector-overlap', 'fail-same-selector.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(27);
    expect(f.message).toBe(
      "Deployment/default/redis-follower (selector app=redis) and Deployment/default/redis-leader (selector app=redis) select each other's pods, so each controller may adopt the other's orphaned pods or ReplicaSets and whatever finds a workload's pods by its selector (HPA metrics, kubectl logs and rollout status) mixes the two; add a label that tells them apart to both selectors and pod templates.",
    );
    expect(f.related).toHaveLength(1);
    expect(f.related[0].range.startLine).toBe(8);
    expect(f.related[0].note).toBe('the selector of Deployment/default/redis-leader');
  });

  it('works across files', async () => {
    const [f] = await fixtureFindings('selector-overlap', 'fail-across-files');
    expect(f.location.file).toBe('test/fixtures/rules/selector-overlap/fail-across-files/b.yaml');
    expect(f.related[0].file).toBe('test/fixtures/rules/selector-overlap/fail-across-files/a.yaml');
  });

  it('uses the template labels as the selector of a ReplicationController without one', async () => {
    const findings = await fixtureFindings('selector-overlap', 'fail-mixed-kinds.yaml');
    const rc = findings.find((f) => f.message.startsWith('ReplicationController/default/legacy-cache'));
    expect(rc?.message).toContain('(selector app=cache) and StatefulSet/default/cache');
    expect(rc?.location.range.startLine).toBe(48);
  });
});

describe('selector-overlap suppression', () => {
  it('honours a drydock-ignore comment above the selector', async () => {
    const text = readFileSync(`${FIXTURES}/selector-overlap/fail-same-selector.yaml`, 'utf8');
    const suppressed = text.replace('  replicas: 2\n  selector:', '  replicas: 2\n  # drydock-ignore selector-overlap\n  selector:');
    expect(suppressed).not.toBe(text);
    const result = await lintText(suppressed);
    expect(result.findings.filter((f) => f.ruleId === 'selector-overlap')).toEqual([]);
  });
});
