import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';
import { deploymentYaml } from '../helpers/manifests.js';

describeRuleFixtures('hpa-no-requests');

const DIR = 'test/fixtures/rules/hpa-no-requests';

/** An autoscaling/v2 HPA with one cpu Resource metric `target` (indented 10) on a Deployment whose container has `resources` (indented 10). */
function hpaAndDeployment(target: string, resources: string): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
${target}---
${deploymentYaml('web', { container: resources })}`;
}

const UTILIZATION = '          type: Utilization\n          averageUtilization: 70\n';
const AVERAGE_VALUE = '          type: AverageValue\n          averageValue: 500m\n';
const MEMORY_ONLY = '          resources:\n            requests:\n              memory: 256Mi\n            limits:\n              memory: 256Mi\n';
const WITH_CPU = '          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              memory: 256Mi\n';

async function reported(text: string, options = {}) {
  const result = await lintText(text, options);
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'hpa-no-requests');
}

describe('hpa-no-requests (issue 5)', () => {
  it('reports a cpu Utilization target on a Deployment without cpu requests, at the target', async () => {
    const [f, ...rest] = await reported(hpaAndDeployment(UTILIZATION, MEMORY_ONLY));
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.location.range.startLine).toBe(17); // type: Utilization
    expect(f.message).toMatch(
      /^HorizontalPodAutoscaler\/default\/web would never scale: failed to get cpu utilization: missing request for cpu in container web of Pod web-[a-z0-9]+-[a-z0-9]{5}$/,
    );
    expect(f.related.map((r) => `${r.range.startLine} ${r.note}`)).toEqual(['37 container web of Deployment/default/web requests no cpu']); // its resources: the requests: line
  });

  it('is silent with cpu requests', async () => {
    expect(await reported(hpaAndDeployment(UTILIZATION, WITH_CPU))).toEqual([]);
  });

  it('is silent on an AverageValue target, requests or not', async () => {
    expect(await reported(hpaAndDeployment(AVERAGE_VALUE, MEMORY_ONLY))).toEqual([]);
    expect(await reported(hpaAndDeployment(AVERAGE_VALUE, ''))).toEqual([]);
  });

  it('is silent when the API server defaults the request from a cpu limit', async () => {
    const limitOnly = '          resources:\n            limits:\n              cpu: 500m\n              memory: 256Mi\n';
    expect(await reported(hpaAndDeployment(UTILIZATION, limitOnly))).toEqual([]);
  });

  it('checks sidecars, autoscaling/v1 and the default metric', async () => {
    const findings = await fixtureFindings('hpa-no-requests', 'fail-sidecar-and-defaults.yaml');
    expect(findings.map((f) => [f.location.range.startLine, f.message.replace(/ of Pod .*$/, '')])).toEqual([
      [18, 'HorizontalPodAutoscaler/default/api would never scale: failed to get memory utilization: missing request for memory in container proxy'],
      [62, 'HorizontalPodAutoscaler/default/worker would never scale: failed to get cpu utilization: missing request for cpu in container worker'],
      [68, 'HorizontalPodAutoscaler/default/queue would never scale: failed to get cpu utilization: missing request for cpu in container queue'],
    ]);
    expect(findings[1].message).toMatch(/ of Pod worker-0$/);
    // the sidecar's resources (their first line, requests:), in the Deployment's initContainers
    expect(findings[0].related.map((r) => `${r.file}:${r.range.startLine}`)).toEqual([`${DIR}/fail-sidecar-and-defaults.yaml:39`]);
  });

  it('is off with simulate: false', async () => {
    expect(await reported(hpaAndDeployment(UTILIZATION, MEMORY_ONLY), { simulate: false })).toEqual([]);
  });
});

describe('hpa-no-requests: defaults and container order (review)', () => {
  const deploymentText = (podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${podSpec}`;
  const hpa = (metrics: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 10
${metrics}---
`;
  const noRequests = '      containers:\n        - name: web\n          image: nginx:1.27\n';

  it('defaults an empty or null metrics list to 80% cpu utilization, as SetDefaults_HorizontalPodAutoscaler does', async () => {
    for (const metrics of ['  metrics: []\n', '  metrics: null\n', '  metrics:\n']) {
      const findings = await reported(hpa(metrics) + deploymentText(noRequests));
      expect(findings.map((f) => [f.location.range.startLine, f.message.replace(/ of Pod .*$/, '')]), metrics).toEqual([
        [11, 'HorizontalPodAutoscaler/default/web would never scale: failed to get cpu utilization: missing request for cpu in container web'],
      ]);
    }
  });

  it('names the first regular container before sidecars (calculatePodRequests order)', async () => {
    const spec =
      '      initContainers:\n        - name: proxy\n          image: envoy:1.30\n          restartPolicy: Always\n' +
      '      containers:\n        - name: web\n          image: nginx:1.27\n';
    const [f, ...rest] = await reported(hpa('') + deploymentText(spec));
    expect(rest).toEqual([]);
    expect(f.message).toMatch(/missing request for cpu in container web of Pod /);
  });
});

describe('hpa-no-requests: what counts as a request', () => {
  it('accepts an explicit zero request: the controller checks that the request is there, not its size', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: "0", memory: 64Mi}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 4
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
`;
    const result = await lintText(text);
    expect(result.findings.filter((f) => f.ruleId === 'hpa-no-requests')).toEqual([]);
  });
});
