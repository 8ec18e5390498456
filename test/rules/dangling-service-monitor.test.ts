import { describe, expect, it } from 'vitest';
import type { LintOptions } from '../../src/index.js';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

const ID = 'dangling-service-monitor';
const DIR = `test/fixtures/rules/${ID}`;

describeRuleFixtures(ID);

async function findingsOf(text: string, options: LintOptions = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ID);
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  labels:
    app: api
spec:
  selector:
    app: api
  ports:
    - name: metrics
      port: 9090
`;

function monitor(spec: string, namespace = 'shop'): string {
  return `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: api
  namespace: ${namespace}
spec:
${spec}  endpoints:
    - port: metrics
`;
}

describe(ID, () => {
  it('reports a label typo at spec.selector, as a warning naming the monitor, selector and namespace', async () => {
    const [typo, expressions, ...rest] = await fixtureFindings(ID, 'fail-label-typo.yaml');
    expect(rest).toEqual([]);
    expect(typo.ruleId).toBe(ID);
    expect(typo.severity).toBe('warning');
    expect(typo.location.file).toBe(`${DIR}/fail-label-typo.yaml`);
    expect(typo.location.range.startLine).toBe(24);
    expect(typo.related).toEqual([]);
    expect(typo.message).toBe(
      'ServiceMonitor/shop/api selects Services with app=api-server, but no Service in namespace "shop" has these labels, so Prometheus scrapes nothing for it and the metrics and alerts built on it silently go missing.',
    );
    expect(expressions.location.range.startLine).toBe(36);
    expect(expressions.message).toContain('selects Services with tier in (frontend,edge)');
  });

  it('watches only its own namespace without a namespaceSelector, and names the Service elsewhere', async () => {
    const [own, names] = await fixtureFindings(ID, 'fail-wrong-namespace.yaml');
    expect(own.ruleId).toBe(ID);
    expect(own.severity).toBe('warning');
    expect(own.location.range.startLine).toBe(38);
    expect(own.related).toEqual([]);
    expect(own.message).toBe(
      'ServiceMonitor/monitoring/api selects Services with app=api, but no Service in namespace "monitoring" has these labels (Service/shop/api has them: add "shop" to spec.namespaceSelector.matchNames), so Prometheus scrapes nothing for it and the metrics and alerts built on it silently go missing.',
    );
    // matchNames: only the namespaces the input describes are judged ("shop-staging" is not);
    // the Service found in another namespace makes it a warning although "payments" has no Service.
    expect(names.severity).toBe('warning');
    expect(names.location.range.startLine).toBe(53);
    expect(names.message).toContain('the input has no Service in namespace "payments" (Service/shop/api has them');
    expect(names.related.map((r) => [r.note, r.range.startLine])).toEqual([['the namespaces it watches', 50]]);
  });

  it('caps the finding at info when the watched namespace has no Service in the input', async () => {
    const [f, ...rest] = await fixtureFindings(ID, 'fail-no-service-in-namespace.yaml');
    expect(rest).toEqual([]);
    expect(f.ruleId).toBe(ID);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(34);
    expect(f.message).toContain('the input has no Service in namespace "payments"');
    expect(f.message).toContain('list "Service/payments/*" under "external"');
    const [strict] = await fixtureFindings(ID, 'fail-no-service-in-namespace.yaml', { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
    expect(strict.message).not.toContain('external');
    const external = await fixtureFindings(ID, 'fail-no-service-in-namespace.yaml', { config: { external: ['Service/payments/*'] } });
    expect(external).toEqual([]);
  });

  it('reports at metadata.name when there is no selector, at info when the input has no Service at all', async () => {
    const [f, ...rest] = await fixtureFindings(ID, 'fail-no-services.yaml');
    expect(rest).toEqual([]);
    expect(f.ruleId).toBe(ID);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(5);
    expect(f.message).toContain('ServiceMonitor/shop/everything selects every Service, but the input has no Service in namespace "shop"');
    expect(f.message).toContain('the input has no Service objects at all');
  });

  it('caps namespaceSelector.any at info, as the monitor also watches namespaces beyond the input', async () => {
    const [f, ...rest] = await fixtureFindings(ID, 'fail-any-namespace.yaml');
    expect(rest).toEqual([]);
    expect(f.ruleId).toBe(ID);
    expect(f.severity).toBe('info');
    expect(f.location.range.startLine).toBe(25);
    expect(f.message).toContain('no Service in any namespace of the input has these labels');
    expect(f.related.map((r) => [r.note, r.range.startLine])).toEqual([['the namespaces it watches', 22]]);
    const [strict] = await fixtureFindings(ID, 'fail-any-namespace.yaml', { config: { references: 'strict' } });
    expect(strict.severity).toBe('warning');
  });

  it('matches Service labels, not the Service selector or pod labels', async () => {
    const unlabelled = SERVICE.replace('  labels:\n    app: api\n', '');
    const [f] = await findingsOf(`${unlabelled}---\n${monitor('  selector:\n    matchLabels:\n      app: api\n')}`);
    expect(f.ruleId).toBe(ID);
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(20);
    expect(await findingsOf(`${SERVICE}---\n${monitor('  selector:\n    matchLabels:\n      app: api\n')}`)).toEqual([]);
  });

  it('lets any: true win over matchNames, and reads matchNames otherwise', async () => {
    const elsewhere = monitor('  namespaceSelector:\n    matchNames: [shop]\n  selector:\n    matchLabels:\n      app: api\n', 'monitoring');
    expect(await findingsOf(`${SERVICE}---\n${elsewhere}`)).toEqual([]);
    const anyWins = monitor('  namespaceSelector:\n    any: true\n    matchNames: [monitoring]\n  selector:\n    matchLabels:\n      app: api\n', 'monitoring');
    expect(await findingsOf(`${SERVICE}---\n${anyWins}`)).toEqual([]);
  });

  it('stays silent on a namespace the input does not describe, and on kube-system', async () => {
    for (const ns of ['logging', 'kube-system']) {
      const text = `${SERVICE}---\n${monitor(`  namespaceSelector:\n    matchNames: [${ns}]\n  selector:\n    matchLabels:\n      app: fluentd\n`, 'monitoring')}`;
      expect(await findingsOf(text)).toEqual([]);
    }
  });
});
