import { formatRef } from '../findings.js';
import { ConfigProducers } from '../k8s/config-producers.js';
import { describeUse, invalidNameNote, podReferences } from '../k8s/pod-references.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'dangling-image-pull-secret',
    category: 'configuration',
    severity: 'warning',
    description: 'A pod template lists an imagePullSecrets entry naming a Secret that is not in its namespace in the input.',
    rationale:
      'The kubelet reads image pull Secrets from the pod namespace. A missing one is not fatal by itself (a FailedToRetrieveImagePullSecret warning event), but the image is then pulled without those credentials, so images from a private registry fail with ErrImagePull and ImagePullBackOff.',
  },
  check(ctx) {
    const producers = new ConfigProducers(ctx.graph);
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      for (const ref of podReferences(entry.template, entry.containers)) {
        if (ref.via !== 'imagePullSecret') continue;
        const target = { group: '', kind: 'Secret', namespace: entry.namespace, name: ref.name };
        if (ctx.graph.get(target) || producers.producerOf('Secret', entry.namespace, ref.name)) continue;
        const verdict = missingReference(ctx, target);
        if (!verdict.report) continue;
        const operator = producers.likelyOperatorOwner(entry.namespace, ref.name);
        const note = verdict.maxSeverity !== undefined ? absentKindNote('Secret') : '';
        const missing = `${describeUse(ref, owner)} Secret "${ref.name}"${invalidNameNote(ref.name)} (imagePullSecrets), which is not in the input in namespace "${entry.namespace}"`;
        const outcome = 'the kubelet pulls without these credentials and images from a private registry fail with ImagePullBackOff';
        ctx.report({
          node: { manifest: entry.manifest, path: ref.namePath },
          message: operator
            ? `${missing}; if the operator of ${formatRef(operator.ref)} does not create it, ${outcome}.`
            : `${missing}, so ${outcome}${note}.`,
          related: operator ? [{ node: { manifest: operator, path: ['metadata', 'name'] }, note: 'custom resource that may create the Secret' }] : [],
          maxSeverity: operator && ctx.run.references !== 'strict' ? 'info' : verdict.maxSeverity,
        });
      }
    }
  },
});
