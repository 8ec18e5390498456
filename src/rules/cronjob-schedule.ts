import { formatRef } from '../findings.js';
import { cronNeverRuns, parseCronSchedule } from '../k8s/cron.js';
import { timeZoneCaseFix, timeZoneNames } from '../k8s/time-zones.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RuleContext } from './types.js';

/** Since 1.29 the API server rejects new CronJobs with TZ/CRON_TZ in the schedule; before, it warned. */
const TZ_REJECTED_SINCE = 29;
/** What the API server allows in each `/`-separated part of a time zone name. */
const ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];

export default defineRule({
  meta: {
    id: 'cronjob-schedule',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: 'A CronJob schedule or timeZone that Kubernetes rejects, or a schedule that never fires or steps past its range.',
    rationale:
      'The API server parses spec.schedule with the standard five-field cron syntax and loads spec.timeZone from the IANA database: a schedule it cannot parse, TZ= or CRON_TZ= in the schedule, or an unknown zone makes the CronJob fail at apply time. A schedule that names only impossible dates (February 30) is accepted but never creates a Job.',
  },
  check(ctx) {
    for (const cronJob of ctx.graph.ofKind('CronJob', 'batch')) {
      const spec = cronJob.object.spec;
      if (!isRecord(spec)) continue;
      const hasTimeZone = typeof spec.timeZone === 'string';
      if (typeof spec.schedule === 'string') checkSchedule(ctx, cronJob, spec.schedule, hasTimeZone);
      if (hasTimeZone) checkTimeZone(ctx, cronJob, spec.timeZone as string);
    }
  },
});

function minorOf(version: string): number {
  const m = /^\d+\.(\d+)/.exec(version);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

function checkSchedule(ctx: RuleContext, cronJob: Manifest, schedule: string, hasTimeZone: boolean): void {
  const ref = formatRef(cronJob.ref);
  const node = { manifest: cronJob, path: ['spec', 'schedule'] };
  const shown = JSON.stringify(schedule);
  if (schedule.trim() === '') {
    ctx.report({ node, message: `${ref} has an empty schedule, so the API server rejects it.` });
    return;
  }
  if (schedule.includes('TZ')) {
    const rejected = hasTimeZone || minorOf(ctx.run.kubernetesVersion) >= TZ_REJECTED_SINCE;
    const why = hasTimeZone
      ? 'together with spec.timeZone, which the API server rejects'
      : rejected
        ? `which the API server rejects for new CronJobs since Kubernetes 1.${TZ_REJECTED_SINCE}`
        : 'which Kubernetes never supported officially (the API server warns, and rejects it from 1.29 on)';
    ctx.report({
      node,
      severity: rejected ? 'error' : 'warning',
      message: `${ref} sets a time zone with TZ= or CRON_TZ= inside schedule ${shown}, ${why}; set spec.timeZone instead.`,
    });
    return;
  }
  const parsed = parseCronSchedule(schedule);
  if (!parsed.ok) {
    ctx.report({ node, message: `${ref} has schedule ${shown}, which the API server rejects: ${parsed.error}.` });
    return;
  }
  if (!parsed.fields) return;
  if (cronNeverRuns(parsed.fields)) {
    ctx.report({
      node,
      severity: 'warning',
      message: `${ref} has schedule ${shown}, which matches no date that exists (such as February 30), so the CronJob never creates a Job.`,
    });
    return;
  }
  parsed.fields.forEach((field, i) => {
    for (const item of field.oversizedSteps) {
      const first = Math.min(...field.values);
      ctx.report({
        node,
        severity: 'warning',
        message: `${ref} has schedule ${shown}, whose ${FIELD_NAMES[i]} step in "${item}" is larger than the whole ${FIELD_NAMES[i]} range, so it selects only ${FIELD_NAMES[i]} ${first}: cron steps restart at each hour, day, month or year instead of counting across them.`,
      });
    }
  });
}

function checkTimeZone(ctx: RuleContext, cronJob: Manifest, zone: string): void {
  const ref = formatRef(cronJob.ref);
  const node = { manifest: cronJob, path: ['spec', 'timeZone'] };
  const shown = JSON.stringify(zone);
  let problem: string | undefined;
  if (zone === '') problem = 'is empty (leave the field out to use the controller\'s time zone)';
  else if (zone.toLowerCase() === 'local') problem = 'is not allowed: name an explicit IANA time zone such as Europe/Paris or Etc/UTC';
  else if (zone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !ZONE_PART.test(p)))
    problem = 'is not a valid time zone name (letters, digits, ".", "-", "_" and "+" in parts of at most 14 characters)';
  else if (!timeZoneNames().has(zone)) {
    const fix = timeZoneCaseFix(zone);
    problem = fix ? `is not a known time zone: names are case-sensitive, use "${fix}"` : 'is not a time zone of the IANA database (such as Europe/Paris, America/New_York or Etc/UTC)';
  }
  if (problem === undefined) return;
  ctx.report({ node, message: `${ref} has timeZone ${shown}, which ${problem}, so the API server rejects the CronJob.` });
}
