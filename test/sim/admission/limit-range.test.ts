import { describe, expect, it } from 'vitest';
import { applyLimitRangeDefaults, checkLimitRange } from '../../../src/sim/admission/limit-range.js';
import { deployment, find, graphOfYaml, podOf } from '../helpers/admission.js';

function setup(limitRanges: string, resources = '', podSpec = '') {
  const graph = graphOfYaml(`${limitRanges}\n---\n${deployment('web', 'team-a', 1, resources, podSpec)}`);
  const pod = podOf(find(graph, 'Deployment'));
  const lrs = graph.ofKind('LimitRange');
  return { graph, pod, lrs };
}

const containerOf = (spec: Record<string, unknown>, list = 'containers', i = 0) =>
  (spec[list] as Record<string, unknown>[])[i].resources as { requests?: Record<string, unknown>; limits?: Record<string, unknown> };

const limitRange = (name: string, items: string, namespace = 'team-a') => `apiVersion: v1
kind: LimitRange
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  limits:
${items}`;

describe('applyLimitRangeDefaults (§11.2 steps 1–2)', () => {
  it('sets default limits and default requests on a container that sets none, and recomputes pod.requests', () => {
    const { pod, lrs, graph } = setup(
      limitRange('defaults', `    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 100m}
`),
    );
    const applied = applyLimitRangeDefaults(pod, lrs);
    expect(containerOf(pod.spec)).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(pod.requests).toEqual({ cpu: 100, memory: 256 * 2 ** 20 });
    expect(applied.map((a) => `${a.field}.${a.resource}`)).toEqual(['limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);
    // The owner's template is untouched.
    expect(containerOf(pod.template.spec)).toBeUndefined();
    expect(pod.template.spec).toBe((find(graph, 'Deployment').object.spec as { template: { spec: unknown } }).template.spec);
  });

  it('leaves requests defaulted from the container limits (§2.1) alone: defaultRequest applies only where neither is set', () => {
    const { pod, lrs } = setup(
      limitRange('defaults', `    - type: Container
      default: {cpu: 500m}
      defaultRequest: {cpu: 100m}
`),
      `          resources:
            limits: {cpu: "1"}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    expect(containerOf(pod.spec)).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
    expect(pod.requests).toEqual({ cpu: 1000 });
  });

  it('defaults the limit to max and the request to min when default/defaultRequest are absent (SetDefaults_LimitRangeItem)', () => {
    const { pod, lrs } = setup(
      limitRange('bounds', `    - type: Container
      max: {cpu: "2"}
      min: {memory: 64Mi}
`),
    );
    applyLimitRangeDefaults(pod, lrs);
    expect(containerOf(pod.spec)).toEqual({ limits: { cpu: '2' }, requests: { cpu: '2', memory: '64Mi' } });
  });

  it('defaults init containers too, and ignores LimitRanges of other namespaces', () => {
    const { pod, lrs } = setup(
      `${limitRange('mine', `    - type: Container
      default: {memory: 128Mi}
`)}
---
${limitRange('theirs', `    - type: Container
      default: {cpu: "3"}
`, 'team-b')}`,
      '',
      `      initContainers:
        - name: init
          image: busybox
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    expect(containerOf(pod.spec, 'initContainers')).toEqual({ limits: { memory: '128Mi' }, requests: { memory: '128Mi' } });
    expect(containerOf(pod.spec)).toEqual({ limits: { memory: '128Mi' }, requests: { memory: '128Mi' } });
  });
});

describe('checkLimitRange (§11.2 step 4)', () => {
  it('rejects a limit above max with the LimitRanger message, at the container limit and the max entry', () => {
    const { pod, lrs, graph } = setup(
      limitRange('bounds', `    - type: Container
      max: {cpu: "2"}
`),
      `          resources:
            limits: {cpu: "4"}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    const [v, ...rest] = checkLimitRange(pod, lrs);
    expect(rest).toEqual([]);
    expect(v.message).toBe('maximum cpu usage per Container is 2, but limit is 4');
    expect(v.constraint).toBe('max');
    expect(v.container).toBe('app');
    expect(v.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu']);
    expect(v.limitRange).toBe(find(graph, 'LimitRange'));
    expect(v.limitPath).toEqual(['spec', 'limits', 0, 'max', 'cpu']);
    expect(v.defaultedBy).toBeUndefined();
  });

  it('rejects a request below min', () => {
    const { pod, lrs } = setup(
      limitRange('bounds', `    - type: Container
      min: {memory: 64Mi}
`),
      `          resources:
            requests: {memory: 32Mi}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    const violations = checkLimitRange(pod, lrs);
    expect(violations.map((v) => v.message)).toEqual(['minimum memory usage per Container is 64Mi, but request is 32Mi']);
    expect(violations[0].path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'memory']);
  });

  it('rejects a limit below min, and a request above max', () => {
    const { pod, lrs } = setup(
      limitRange('bounds', `    - type: Container
      min: {cpu: 200m}
      max: {memory: 1Gi}
`),
      `          resources:
            requests: {cpu: 250m, memory: 2Gi}
            limits: {cpu: 100m, memory: 1Gi}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    expect(checkLimitRange(pod, lrs).map((v) => v.message)).toEqual([
      'minimum cpu usage per Container is 200m, but limit is 100m',
      'maximum memory usage per Container is 1Gi, but request is 2Gi',
    ]);
  });

  it('rejects a limit-to-request ratio above maxLimitRequestRatio, printed like Go %f', () => {
    const { pod, lrs } = setup(
      limitRange('ratio', `    - type: Container
      maxLimitRequestRatio: {cpu: "2"}
`),
      `          resources:
            requests: {cpu: 250m}
            limits: {cpu: "1"}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    const [v] = checkLimitRange(pod, lrs);
    expect(v.message).toBe('cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000');
    expect(v.limitPath).toEqual(['spec', 'limits', 0, 'maxLimitRequestRatio', 'cpu']);
  });

  it('reports a ratio without a limit, and accepts a ratio at the bound', () => {
    const noLimit = setup(limitRange('ratio', `    - type: Container
      maxLimitRequestRatio: {memory: "2"}
`), `          resources:
            requests: {memory: 100Mi}
`);
    expect(checkLimitRange(noLimit.pod, noLimit.lrs).map((v) => v.message)).toEqual([
      'memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
    ]);
    const atBound = setup(limitRange('ratio', `    - type: Container
      maxLimitRequestRatio: {memory: "2"}
`), `          resources:
            requests: {memory: 100Mi}
            limits: {memory: 200Mi}
`);
    expect(checkLimitRange(atBound.pod, atBound.lrs)).toEqual([]);
  });

  it('checks Pod items against the pod totals', () => {
    const { pod, lrs } = setup(
      limitRange('per-pod', `    - type: Pod
      max: {memory: 1Gi}
`),
      `          resources:
            limits: {memory: 768Mi}
        - name: sidecar
          image: envoy
          resources:
            limits: {memory: 768Mi}
`,
    );
    const violations = checkLimitRange(pod, lrs);
    expect(violations.map((v) => v.message)).toEqual(['maximum memory usage per Pod is 1Gi, but limit is 1536Mi']);
    expect(violations[0].path).toEqual(['spec', 'template', 'spec', 'containers']);
    expect(violations[0].type).toBe('Pod');
  });

  it('knows when the offending value came from another LimitRange default', () => {
    const { pod, lrs, graph } = setup(
      `${limitRange('defaults', `    - type: Container
      default: {cpu: "4"}
`)}
---
${limitRange('bounds', `    - type: Container
      max: {cpu: "2"}
`)}`,
    );
    applyLimitRangeDefaults(pod, lrs);
    const [v] = checkLimitRange(pod, lrs);
    expect(v.message).toBe('maximum cpu usage per Container is 2, but limit is 4');
    expect(v.limitRange).toBe(find(graph, 'LimitRange', 'bounds'));
    expect(v.defaultedBy).toEqual({ manifest: find(graph, 'LimitRange', 'defaults'), path: ['spec', 'limits', 0, 'default', 'cpu'] });
  });

  it('reports a request left above a defaulted limit as the API validation error (§11.2 step 5)', () => {
    const { pod, lrs } = setup(
      limitRange('defaults', `    - type: Container
      default: {cpu: 500m}
`),
      `          resources:
            requests: {cpu: "1"}
`,
    );
    applyLimitRangeDefaults(pod, lrs);
    const [v] = checkLimitRange(pod, lrs);
    expect(v.constraint).toBe('requestAboveLimit');
    expect(v.message).toBe('spec.containers[0].resources.requests[cpu]: Invalid value: "1": must be less than or equal to cpu limit of 500m');
    expect(v.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu']);
    expect(v.limitPath).toEqual(['spec', 'limits', 0, 'default', 'cpu']);
  });

  it('checks init containers after containers', () => {
    const { pod, lrs } = setup(
      limitRange('bounds', `    - type: Container
      max: {cpu: "1"}
`),
      `          resources:
            limits: {cpu: "2"}
`,
      `      initContainers:
        - name: init
          image: busybox
          resources:
            limits: {cpu: "3"}
`,
    );
    const violations = checkLimitRange(pod, lrs);
    expect(violations.map((v) => `${v.container}: ${v.message}`)).toEqual([
      'app: maximum cpu usage per Container is 1, but limit is 2',
      'init: maximum cpu usage per Container is 1, but limit is 3',
    ]);
    expect(violations[1].path).toEqual(['spec', 'template', 'spec', 'initContainers', 0, 'resources', 'limits', 'cpu']);
  });
});
