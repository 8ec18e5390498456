import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('run-as-root');

describe('run-as-root details', () => {
  it('points at runAsUser: 0 and runAsNonRoot: false when the container sets them', async () => {
    const found = await fixtureFindings('run-as-root', 'fail-explicit-root.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([10, 14, 29, 44]);
    expect(found[0].message).toContain('Container "uid-zero" of Pod/default/explicit sets runAsUser: 0, so it runs as root');
    expect(found[1].message).toContain('sets runAsNonRoot: false and has no non-zero runAsUser');
    expect(found[3].message).toContain('inherits runAsNonRoot: false from the pod securityContext and has no non-zero runAsUser');
  });

  it('reports a pod-level cause at the container name, with the pod field as related location', async () => {
    const found = await fixtureFindings('run-as-root', 'fail-explicit-root.yaml');
    const podLevel = found.find((f) => f.message.includes('Pod/default/pod-level-root'))!;
    expect(podLevel.message).toContain('Container "inherits" of Pod/default/pod-level-root inherits runAsUser: 0 from the pod securityContext, so it runs as root');
    expect(podLevel.location.range.startLine).toBe(29);
    expect(podLevel.related.map((r) => [r.range.startLine, r.note])).toEqual([[27, 'set in the pod securityContext']]);
  });

  it('says the kubelet refuses to start a container with runAsUser: 0 and runAsNonRoot: true', async () => {
    const [f] = await fixtureFindings('run-as-root', 'fail-container-overrides-pod.yaml');
    expect(f.location.range.startLine).toBe(13);
    expect(f.message).toContain('sets runAsUser: 0 while runAsNonRoot is true, so the kubelet refuses to start it');
  });

  it('says the image decides when nothing is set', async () => {
    const found = await fixtureFindings('run-as-root', 'fail-unset.yaml');
    expect(found.map((f) => f.location.range.startLine)).toEqual([17, 20]);
    expect(found[0].message).toContain('Init container "setup" of Deployment/default/web sets neither runAsNonRoot: true nor a non-zero runAsUser');
  });
});
