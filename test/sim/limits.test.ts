/** The simulation stays bounded on absurd but valid input: a finding, not a hang. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/rule-tester.js';

const huge = (kind: 'Deployment' | 'Job', count: string): string =>
  kind === 'Deployment'
    ? `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: ${count}
  selector:
    matchLabels: {app: huge}
  template:
    metadata:
      labels: {app: huge}
    spec:
      containers:
        - name: c
          image: nginx:1.27
          resources:
            requests: {cpu: 10m, memory: 10Mi}
`
    : `apiVersion: batch/v1
kind: Job
metadata:
  name: huge
spec:
  parallelism: ${count}
  completions: ${count}
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
          resources:
            requests: {cpu: 10m, memory: 10Mi}
`;

describe('simulation limits', () => {
  it('simulates at most one pod more than the cluster can run, and counts the rest as Pending', async () => {
    // Without the cap this never returns (the test's timeout is the guard).
    const result = await lintText(huge('Deployment', '2000000000'));
    const [f] = result.findings.filter((x) => x.ruleId === 'unschedulable');
    // 3 workers × 110 pods run; the other 1,999,999,670 stay Pending ("Too many pods").
    expect(f.message).toMatch(/^1999999670 of the 2000000000 pods of Deployment\/default\/huge would stay Pending \(Unschedulable\): 0\/4 nodes are available: /);
    expect(f.message).toContain('3 Too many pods');
  });

  it('caps a Job with a huge parallelism the same way', async () => {
    const result = await lintText(huge('Job', '50000'));
    const [f] = result.findings.filter((x) => x.ruleId === 'unschedulable');
    expect(f.message).toMatch(/^49670 of the 50000 pods of Job\/default\/huge would stay Pending/);
  });
});
