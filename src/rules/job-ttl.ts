import { formatRef } from '../findings.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'job-ttl',
    category: 'configuration',
    severity: 'info',
    defaultOff: true,
    description: 'A standalone Job without ttlSecondsAfterFinished (off by default).',
    rationale:
      'A finished Job and its pods stay in the cluster until someone deletes them: they keep their logs and status but also count against quotas, clutter kubectl get and slow controllers that list them. ttlSecondsAfterFinished has the TTL controller delete them. CronJobs clean up with their history limits instead, and GitOps tools that re-create deleted Jobs may need other hooks.',
  },
  check(ctx) {
    for (const job of ctx.graph.ofKind('Job', 'batch')) {
      const spec = job.object.spec;
      if (!isRecord(spec) || (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null)) continue;
      ctx.report({
        node: { manifest: job, path: ['metadata', 'name'] },
        message: `${formatRef(job.ref)} sets no ttlSecondsAfterFinished, so the finished Job and its pods stay in the cluster until deleted by hand.`,
      });
    }
  },
});
