/**
 * Job controller (§4.6): `min(parallelism, completions)` active pods (parallelism default 1;
 * completions unset = work queue, `parallelism` pods). NonIndexed pods are `<job>-<5 chars>`; Indexed
 * pods `<job>-<index>-<5 chars>` with label `batch.kubernetes.io/job-completion-index` and hostname
 * `<job>-<index>`. Unless `manualSelector` is true, pods get the generated selector's labels
 * `batch.kubernetes.io/controller-uid`, `controller-uid`, `batch.kubernetes.io/job-name`, `job-name`.
 * Also runs the Job a CronJob creates (§4.7).
 */
import { podTemplateOf, type PodTemplate } from '../../k8s/pod-template.js';
import { labelsOf } from '../../k8s/selector.js';
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import { deterministicUid, MAX_GENERATE_NAME_PREFIX } from '../naming.js';
import type { ControllerContext } from './context.js';
import { simulatedPodCount } from './context.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export const JOB_COMPLETION_INDEX_LABEL = 'batch.kubernetes.io/job-completion-index';

/** The Job's own pods, for a Job of the input or one a CronJob creates. */
export interface JobRun {
  /** The top-level object (Job or CronJob) the pods come from. */
  manifest: Manifest;
  template: PodTemplate;
  /** The Job's spec: `spec` of a Job, `spec.jobTemplate.spec` of a CronJob. */
  jobSpec: Record<string, unknown>;
  jobName: string;
  /** `Kind/name` of the generated owners (`['Job/hello-28433160']` for a CronJob). */
  generated: string[];
}

const count = (v: unknown): number | undefined | 'invalid' =>
  v === undefined || v === null ? undefined : typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 'invalid';

/** Creates the active pods of a Job on `workload`; notes say why there are none. */
export function runJob(run: JobRun, workload: SimWorkload, ctx: ControllerContext): void {
  const { jobSpec, jobName } = run;
  if (jobSpec.suspend === true) {
    workload.notes.push(`Job ${jobName} is suspended (spec.suspend: true): no pods are created`);
    return;
  }
  const parallelism = count(jobSpec.parallelism);
  const completions = count(jobSpec.completions);
  if (parallelism === 'invalid' || completions === 'invalid') {
    workload.notes.push('spec.parallelism and spec.completions must be non-negative integers: the API server rejects the Job, so no pods are created');
    return;
  }
  const indexed = jobSpec.completionMode === 'Indexed';
  if (indexed && completions === undefined) {
    workload.notes.push('completionMode Indexed requires spec.completions: the API server rejects the Job, so no pods are created');
    return;
  }
  // SetDefaults_Job: parallelism 1 when unset; completions stay unset (work queue) unless both are unset.
  const active = Math.min(parallelism ?? 1, completions ?? parallelism ?? 1);
  workload.desiredReplicas = active;
  if (active === 0) {
    workload.notes.push(`Job ${jobName} has ${parallelism === 0 ? 'parallelism' : 'completions'} 0: no pods are created`);
    return;
  }
  const labels = labelsOf(run.template.metadata.labels);
  if (jobSpec.manualSelector !== true) {
    const uid = deterministicUid(`${workload.namespace}/Job/${jobName}`);
    Object.assign(labels, { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': jobName, 'controller-uid': uid, 'job-name': jobName });
  }
  const defaulted = new DefaultedTemplate(run.template.spec);
  const created = simulatedPodCount(active, ctx, workload.notes);
  for (let i = 0; i < created; i++) {
    const spec = defaulted.copy();
    const prefix = indexed ? indexedPodPrefix(jobName, i) : `${jobName}-`;
    // The controller sets the hostname of every Indexed pod, over the template's.
    if (indexed) spec.hostname = `${jobName}-${i}`;
    addPod(ctx, workload, {
      manifest: run.manifest,
      template: run.template,
      generated: run.generated,
      namespace: workload.namespace,
      name: ctx.names.generate(workload.namespace, prefix, `${workload.namespace}/${jobName}/${i}`),
      ordinal: i,
      labels: indexed ? { ...labels, [JOB_COMPLETION_INDEX_LABEL]: String(i) } : { ...labels },
      spec,
      requests: defaulted.requests,
    });
  }
}

/**
 * `podGenerateNameWithIndex`: `<job>-<index>-`, the Job name cut so that the prefix stays within
 * the 58 characters of a generateName and keeps its `-<index>-`.
 */
function indexedPodPrefix(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATE_NAME_PREFIX ? prefix.slice(0, MAX_GENERATE_NAME_PREFIX - suffix.length) + suffix : prefix;
}

export function reconcileJob(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push('no pod template (spec.template.spec): the API server rejects the Job, so no pods are created');
    return workload;
  }
  const jobSpec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  runJob({ manifest, template, jobSpec, jobName: workload.name, generated: [] }, workload, ctx);
  return workload;
}
