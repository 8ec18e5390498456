import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';
import { deploymentYaml } from '../helpers/manifests.js';

describeRuleFixtures('no-ready-endpoints');

const DIR = 'test/fixtures/rules/no-ready-endpoints';

/** A Service `web` and a Deployment of 2 pods; `container` lines go under the container (indented 10). */
function serviceAndDeployment(container: string, serviceSpec = ''): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${serviceSpec}  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
${deploymentYaml('web', { replicas: 2, container: `          ports:\n            - name: http\n              containerPort: 8080\n${container}` })}`;
}

async function reported(text: string) {
  const result = await lintText(text);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'no-ready-endpoints');
}

describe('no-ready-endpoints (issue 5)', () => {
  it('reports a Service whose pods are all unschedulable, at its selector, with the scheduler message', async () => {
    const [f, ...rest] = await fixtureFindings('no-ready-endpoints', 'fail-pods-unschedulable.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(8);
    expect(f.message).toMatch(
      /^Service\/default\/search would have no ready endpoints, so every connection to it fails: none of the 2 pods it selects would ever become Ready \(pod search-[a-z0-9]+-[a-z0-9]{5}: Unschedulable: 0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 Insufficient cpu\. /,
    );
    expect(f.related.map((r) => `${r.file}:${r.range.startLine} ${r.note}`)).toEqual([
      `${DIR}/fail-pods-unschedulable.yaml:16 Deployment/default/search runs the selected pods`,
    ]);
  });

  it('reports a readiness probe on a port name the container does not declare', async () => {
    const [f, ...rest] = await fixtureFindings('no-ready-endpoints', 'fail-readiness-probe-port.yaml');
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(8); // the flow-style selector
    expect(f.message).toContain('none of the 2 pods it selects would ever become Ready');
    expect(f.message).toContain(
      ': NotReady: the readiness probe of container "api" uses port "health", which the container does not declare, so it fails every time)',
    );
  });

  it('readiness probes on a declared name or a number become Ready', async () => {
    for (const port of ['http', '8080']) {
      const probe = `          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: ${port}\n`;
      expect(await reported(serviceAndDeployment(probe)), port).toEqual([]);
    }
    const tcp = '          readinessProbe:\n            tcpSocket:\n              port: admin\n';
    expect((await reported(serviceAndDeployment(tcp))).map((f) => f.location.range.startLine)).toEqual([7]);
  });

  it("names the kubelet's reason once for pods that cannot start", async () => {
    const [f] = await fixtureFindings('no-ready-endpoints', 'fail-config-error.yaml');
    expect(f.location.range.startLine).toBe(10);
    expect(f.message).toMatch(
      /\(pod worker-[a-z0-9]+-[a-z0-9]{5}: container worker: CreateContainerConfigError: couldn't find key queue-url in ConfigMap jobs\/worker\)$/,
    );
  });

  it('publishNotReadyAddresses publishes the pods that are not Ready', async () => {
    const probe = '          readinessProbe:\n            tcpSocket:\n              port: admin\n';
    expect(await reported(serviceAndDeployment(probe, '  publishNotReadyAddresses: true\n'))).toEqual([]);
  });

  it('is off with simulate: false', async () => {
    expect(await fixtureFindings('no-ready-endpoints', 'fail-pods-unschedulable.yaml', { simulate: false })).toEqual([]);
  });
});
