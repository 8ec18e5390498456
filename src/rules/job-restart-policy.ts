import { formatRef } from '../findings.js';
import { isRecord, valueAt } from '../k8s/values.js';
import { defineRule } from './types.js';

const ALLOWED = new Set(['OnFailure', 'Never']);

export default defineRule({
  meta: {
    id: 'job-restart-policy',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: 'A Job or CronJob whose pod template leaves restartPolicy unset or sets it to Always (or OnFailure with a podFailurePolicy).',
    rationale:
      'A pod restartPolicy left unset defaults to Always, and the API server accepts only OnFailure or Never in the pod template of a Job or of a CronJob\'s job template: the Job or CronJob is rejected at apply time. With a podFailurePolicy, only Never is accepted.',
    // An unknown value (`Sometimes`, a number) is already a schema error at the same place.
    supersededBy: ['schema'],
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const { manifest, template } = entry;
      const kind = manifest.ref.kind;
      if ((kind !== 'Job' && kind !== 'CronJob') || manifest.ref.group !== 'batch') continue;
      const ref = formatRef(manifest.ref);
      const what = kind === 'Job' ? 'the Job' : 'the CronJob (its job template is validated as a Job)';
      const policy = template.spec.restartPolicy;
      const policyPath = [...template.specPath, 'restartPolicy'];
      if (policy === undefined || policy === null) {
        ctx.report({
          node: { manifest, path: template.specPath, part: 'key' },
          message: `${ref} sets no restartPolicy in its pod template, so it defaults to Always, which a Job does not allow: the API server rejects ${what}; set restartPolicy to OnFailure or Never.`,
        });
        continue;
      }
      if (typeof policy !== 'string' || !ALLOWED.has(policy)) {
        const shown = typeof policy === 'string' ? `"${policy}"` : 'a non-string value';
        ctx.report({
          node: { manifest, path: policyPath },
          message: `${ref} sets restartPolicy ${shown} in its pod template, but a Job accepts only OnFailure or Never, so the API server rejects ${what}.`,
        });
        continue;
      }
      const jobSpecPath = kind === 'Job' ? ['spec'] : ['spec', 'jobTemplate', 'spec'];
      const jobSpec = valueAt(manifest.object, jobSpecPath);
      if (policy === 'OnFailure' && isRecord(jobSpec) && isRecord(jobSpec.podFailurePolicy)) {
        ctx.report({
          node: { manifest, path: policyPath },
          message: `${ref} sets restartPolicy OnFailure together with a podFailurePolicy, which requires Never, so the API server rejects ${what}.`,
          related: [{ node: { manifest, path: [...jobSpecPath, 'podFailurePolicy'], part: 'key' }, note: 'the podFailurePolicy' }],
        });
      }
    }
  },
});
