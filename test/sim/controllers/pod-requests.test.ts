import { describe, expect, it } from 'vitest';
import { deploymentYaml, reconcileYaml } from '../helpers/controllers.js';

describe('review fixes: effective pod requests of created pods (§2.2)', () => {
  it('pod-level limits without pod-level requests default to the containers\' aggregate requests where containers request the resource (defaultPodRequests)', () => {
    const yaml = deploymentYaml(
      'web',
      '',
      `          resources: {requests: {cpu: 500m}}
      resources:
        limits: {cpu: "2", memory: 1Gi}
`,
    );
    const [pod] = reconcileYaml(yaml).pods;
    // cpu: the containers request 500m, so the pod-level request defaults to 500m (not the 2-CPU limit);
    // memory: no container requests it, so the pod-level request defaults to the pod-level limit.
    expect(pod.requests).toEqual({ cpu: 500, memory: 2 ** 30 });
  });

  it('explicit pod-level requests still override the containers', () => {
    const yaml = deploymentYaml(
      'web',
      '',
      `          resources: {requests: {cpu: 500m}}
      resources:
        requests: {cpu: "1"}
        limits: {cpu: "2"}
`,
    );
    expect(reconcileYaml(yaml).pods[0].requests).toEqual({ cpu: 1000 });
  });
});
