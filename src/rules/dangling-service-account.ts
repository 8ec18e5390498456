import { formatRef } from '../findings.js';
import { describeUse, invalidNameNote, podReferences } from '../k8s/pod-references.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'dangling-service-account',
    category: 'security',
    severity: 'warning',
    supersededBy: ['admission-rejected'],
    description: 'A pod template runs as a ServiceAccount (other than "default") that is not in its namespace in the input.',
    rationale:
      'The ServiceAccount admission plugin rejects a pod whose ServiceAccount does not exist in its namespace: a controller records FailedCreate events and runs no pods at all. The ServiceAccount is also the pod\'s identity for RBAC, so one created by hand to unblock the rollout carries permissions nobody reviewed with the workload.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      const isPod = entry.manifest.ref.kind === 'Pod';
      for (const ref of podReferences(entry.template, entry.containers)) {
        if (ref.kind !== 'ServiceAccount' || ref.name === 'default') continue; // "default" exists in every namespace
        const target = { group: '', kind: 'ServiceAccount', namespace: entry.namespace, name: ref.name };
        if (ctx.graph.get(target)) continue;
        const verdict = missingReference(ctx, target);
        if (!verdict.report) continue;
        const note = verdict.maxSeverity !== undefined ? absentKindNote('ServiceAccount') : '';
        const field = ref.via === 'serviceAccount' ? ' (deprecated field serviceAccount)' : '';
        const outcome = isPod ? 'admission rejects the Pod' : 'admission rejects every pod it creates (FailedCreate) and none runs';
        ctx.report({
          node: { manifest: entry.manifest, path: ref.namePath },
          message: `${describeUse(ref, owner, isPod)} ServiceAccount "${ref.name}"${field}${invalidNameNote(ref.name)}, which is not in the input in namespace "${entry.namespace}", so ${outcome}${note}.`,
          maxSeverity: verdict.maxSeverity,
        });
      }
    }
  },
});
