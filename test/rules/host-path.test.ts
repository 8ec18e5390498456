import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('host-path');

describe('host-path details', () => {
  it('names sensitive paths and how the containers mount them', async () => {
    const found = await fixtureFindings('host-path', 'fail-volumes.yaml');
    const byLine = new Map(found.map((f) => [f.location.range.startLine, f.message]));
    expect(byLine.get(29)).toContain('Volume "varlog" of DaemonSet/default/log-agent mounts host path "/var/log" read-only, so');
    expect(byLine.get(29)).not.toContain('(');
    expect(byLine.get(32)).toContain('"/var/run/docker.sock" (the container runtime socket) read-write into container "agent"');
    expect(byLine.get(35)).toContain(`"/" (the node's whole filesystem) read-only, so a process in the pod can read every file of the node`);
    expect(byLine.get(38)).toContain('"/var/lib/kubelet/pods/" (the kubelet\'s credentials and the volumes of every pod, Secrets included), so');
  });

  it('recognises sensitive paths however they are spelled', async () => {
    const result = await lintText(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: nginx:1.27
  volumes:
    - name: a
      hostPath:
        path: //var/run//docker.sock/
    - name: b
      hostPath:
        path: /etc/
    - name: c
      hostPath:
        path: /etcetera
    - name: d
      hostPath:
        path: /run/containerd/containerd.sock
`);
    const messages = result.findings.filter((f) => f.ruleId === 'host-path').map((f) => f.message);
    expect(messages[0]).toContain('(the container runtime socket)');
    expect(messages[1]).toContain("(the node's configuration)");
    expect(messages[2]).not.toContain('(');
    expect(messages[3]).toContain('(the container runtime socket)');
  });
});
