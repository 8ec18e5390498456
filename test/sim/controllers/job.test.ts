import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET } from '../../../src/sim/naming.js';
import { reconcileYaml } from '../helpers/controllers.js';

const job = (specExtra = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
${specExtra}  template:
    metadata: {labels: {app: pi}}
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]
`;

const S = `[${NAME_ALPHABET}]{5}`;

describe('Job controller (§4.6)', () => {
  it('runs one pod <job>-<5 chars> by default, with the generated selector labels', () => {
    const [w] = reconcileYaml(job()).workloads;
    expect(w.desiredReplicas).toBe(1);
    expect(w.pods).toHaveLength(1);
    const [pod] = w.pods;
    expect(pod.name).toMatch(new RegExp(`^pi-${S}$`));
    expect(pod.spec.restartPolicy).toBe('Never');
    const uid = pod.labels['controller-uid'];
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.labels).toEqual({
      app: 'pi',
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
  });

  it('runs min(parallelism, completions) pods', () => {
    expect(reconcileYaml(job('  completions: 5\n  parallelism: 2\n')).pods).toHaveLength(2);
    expect(reconcileYaml(job('  completions: 2\n  parallelism: 5\n')).pods).toHaveLength(2);
    expect(reconcileYaml(job('  completions: 5\n')).pods).toHaveLength(1); // parallelism defaults to 1
    expect(reconcileYaml(job('  parallelism: 3\n')).pods).toHaveLength(3); // work queue
    expect(reconcileYaml(job('  parallelism: 0\n')).pods).toHaveLength(0);
  });

  it('names Indexed pods <job>-<index>-<5 chars> with the completion index label and hostname', () => {
    const { pods } = reconcileYaml(job('  completionMode: Indexed\n  completions: 4\n  parallelism: 3\n'));
    expect(pods).toHaveLength(3);
    pods.forEach((p, i) => {
      expect(p.name).toMatch(new RegExp(`^pi-${i}-${S}$`));
      expect(p.labels['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.spec.hostname).toBe(`pi-${i}`);
    });
  });

  it('creates nothing for suspended or invalid Jobs, and keeps template labels only with manualSelector', () => {
    const suspended = reconcileYaml(job('  suspend: true\n')).workloads[0];
    expect(suspended.pods).toEqual([]);
    expect(suspended.notes.join()).toContain('suspended');
    expect(reconcileYaml(job('  completionMode: Indexed\n')).pods).toEqual([]);
    expect(reconcileYaml(job('  parallelism: -1\n')).pods).toEqual([]);
    expect(reconcileYaml(job('  manualSelector: true\n  selector: {matchLabels: {app: pi}}\n')).pods[0].labels).toEqual({ app: 'pi' });
  });
});

const cron = (extra = '', schedule = '"*/5 * * * *"') => `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: ${schedule}
${extra}  jobTemplate:
    spec:
      parallelism: 2
      template:
        metadata: {labels: {app: hello}}
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox}]
`;

describe('CronJob controller (§4.7)', () => {
  it('creates one Job <cronjob>-<scheduled time in minutes> and its pods', () => {
    const [w] = reconcileYaml(cron()).workloads;
    // 2025-01-01T00:00Z, the reference instant, matches */5.
    expect(w.generatedName).toBe(`hello-${Date.UTC(2025, 0, 1) / 60_000}`);
    expect(w.generatedName).toBe('hello-28928160');
    expect(w.pods).toHaveLength(2);
    expect(w.pods[0].name).toMatch(new RegExp(`^hello-28928160-${S}$`));
    expect(w.pods[0].owner.generated).toEqual(['Job/hello-28928160']);
    expect(w.pods[0].labels['job-name']).toBe('hello-28928160');
    expect(w.pods[0].template.specPath).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(w.notes.join()).toContain('simulates one run');
  });

  it('uses the first scheduled time at or after the reference instant', () => {
    const [w] = reconcileYaml(cron('', '"30 6 * * 1"')).workloads; // Monday 2025-01-06 06:30Z
    expect(w.generatedName).toBe(`hello-${Date.UTC(2025, 0, 6, 6, 30) / 60_000}`);
  });

  it('creates nothing when suspended or when the schedule never fires', () => {
    const suspended = reconcileYaml(cron('  suspend: true\n')).workloads[0];
    expect(suspended.pods).toEqual([]);
    expect(suspended.generatedName).toBeUndefined();
    expect(suspended.notes.join()).toContain('spec.suspend is true');
    const never = reconcileYaml(cron('', '"0 0 30 2 *"')).workloads[0];
    expect(never.pods).toEqual([]);
    expect(never.notes.join()).toContain('never fires');
  });
});

describe('review fixes: Indexed Job pods', () => {
  const indexedJob = (name: string, podSpecExtra = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  completionMode: Indexed
  completions: 2
  parallelism: 2
  template:
    spec:
${podSpecExtra}      restartPolicy: Never
      containers: [{name: c, image: busybox}]
`;

  it('keeps "-<index>-" when truncating a long Job name (podGenerateNameWithIndex)', () => {
    const name = 'a'.repeat(60);
    const { pods } = reconcileYaml(indexedJob(name));
    expect(pods).toHaveLength(2);
    pods.forEach((p, i) => {
      // 58-character generateName prefix: the Job name cut to 58 − len("-i-") characters, then "-i-".
      expect(p.name).toMatch(new RegExp(`^${'a'.repeat(55)}-${i}-${S}$`));
      expect(p.name.length).toBe(63);
    });
  });

  it('sets hostname <job>-<index> even when the template sets one (the controller overwrites it)', () => {
    const { pods } = reconcileYaml(indexedJob('pi', '      hostname: custom\n'));
    expect(pods.map((p) => p.spec.hostname)).toEqual(['pi-0', 'pi-1']);
  });
});
