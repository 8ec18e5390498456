import { formatRef } from '../findings.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cronjob-deadline',
    category: 'reliability',
    severity: 'info',
    defaultOff: true,
    description: 'A CronJob without startingDeadlineSeconds (off by default).',
    rationale:
      'Without startingDeadlineSeconds a run the controller missed (controller downtime, a suspended CronJob resumed, a Forbid policy waiting on a long Job) is started whenever the controller catches up, however late, and after more than 100 missed schedules the controller only reports TooManyMissedTimes. A deadline drops runs that are too late to be useful.',
  },
  check(ctx) {
    for (const cronJob of ctx.graph.ofKind('CronJob', 'batch')) {
      const spec = cronJob.object.spec;
      if (!isRecord(spec) || (spec.startingDeadlineSeconds !== undefined && spec.startingDeadlineSeconds !== null)) continue;
      ctx.report({
        node: { manifest: cronJob, path: ['spec', 'schedule'] },
        message: `${formatRef(cronJob.ref)} sets no startingDeadlineSeconds, so a missed run starts whenever the controller catches up, however late.`,
      });
    }
  },
});
