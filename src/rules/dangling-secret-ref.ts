import { formatRef } from '../findings.js';
import { ConfigProducers } from '../k8s/config-producers.js';
import { describeUse, invalidNameNote, missingConfigOutcome, podReferences } from '../k8s/pod-references.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

const KIND = 'Secret';

export default defineRule({
  meta: {
    id: 'dangling-secret-ref',
    category: 'configuration',
    severity: 'warning',
    supersededBy: ['config-error'],
    description: 'A pod template references a Secret (env, envFrom, volume or projected volume) that is not in its namespace in the input.',
    rationale:
      'The kubelet reads referenced Secrets from the pod namespace when it starts a container or mounts a volume. A missing Secret leaves the container in CreateContainerConfigError (env, envFrom) or the pod stuck in ContainerCreating with FailedMount events (volumes), unless the reference is marked optional.',
  },
  check(ctx) {
    const producers = new ConfigProducers(ctx.graph);
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      for (const ref of podReferences(entry.template, entry.containers)) {
        if (ref.kind !== KIND || ref.via === 'imagePullSecret' || ref.optional) continue; // dangling-image-pull-secret
        const target = { group: '', kind: KIND, namespace: entry.namespace, name: ref.name };
        if (ctx.graph.get(target) || producers.producerOf(KIND, entry.namespace, ref.name)) continue;
        const verdict = missingReference(ctx, target);
        if (!verdict.report) continue;
        const operator = producers.likelyOperatorOwner(entry.namespace, ref.name);
        const note = verdict.maxSeverity !== undefined ? absentKindNote(KIND) : '';
        const missing = `${describeUse(ref, owner)} ${KIND} "${ref.name}"${invalidNameNote(ref.name)}, which is not in the input in namespace "${entry.namespace}"`;
        ctx.report({
          node: { manifest: entry.manifest, path: ref.namePath },
          message: operator
            ? `${missing}; if the operator of ${formatRef(operator.ref)} does not create it, ${missingConfigOutcome(ref)}.`
            : `${missing}, so ${missingConfigOutcome(ref)}${note}.`,
          related: operator ? [{ node: { manifest: operator, path: ['metadata', 'name'] }, note: `custom resource that may create the ${KIND}` }] : [],
          maxSeverity: operator && ctx.run.references !== 'strict' ? 'info' : verdict.maxSeverity,
        });
      }
    }
  },
});
