/**
 * CronJob controller (§4.7), one run: the Job `<cronjob>-<scheduled time in Unix minutes>` from
 * `spec.jobTemplate`, then its pods as the Job controller creates them (§4.6). Suspended CronJobs and
 * schedules that never fire create nothing.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { ControllerContext } from './context.js';
import { firstRunMinutes, SIM_REFERENCE_TIME } from './cron-schedule.js';
import { runJob } from './job.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export function reconcileCronJob(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push('no pod template (spec.jobTemplate.spec.template.spec): the API server rejects the CronJob, so no Job is created');
    return workload;
  }
  const spec = manifest.object.spec as Record<string, unknown>;
  if (spec.suspend === true) {
    workload.notes.push('spec.suspend is true: the controller creates no Job, so no pods are created');
    return workload;
  }
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  const minutes = firstRunMinutes(schedule);
  if (minutes === undefined) {
    workload.notes.push(`the schedule ${JSON.stringify(schedule)} is invalid or never fires: no Job is created`);
    return workload;
  }
  const jobName = `${workload.name}-${minutes}`;
  workload.generatedName = jobName;
  workload.notes.push(
    `simulates one run: Job ${jobName}, scheduled at ${new Date(minutes * 60_000).toISOString()} (the first run at or after ${new Date(SIM_REFERENCE_TIME).toISOString()}, in UTC)`,
  );
  if (typeof spec.timeZone === 'string' && spec.timeZone !== '' && spec.timeZone !== 'Etc/UTC' && spec.timeZone !== 'UTC') {
    workload.notes.push(`spec.timeZone ${spec.timeZone} is not applied to the simulated run time (UTC)`);
  }
  const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : {};
  const jobSpec = isRecord(jobTemplate.spec) ? jobTemplate.spec : {};
  runJob({ manifest, template, jobSpec, jobName, generated: [`Job/${jobName}`] }, workload, ctx);
  return workload;
}
