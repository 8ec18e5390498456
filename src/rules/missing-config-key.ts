import { formatRef } from '../findings.js';
import { describeUse, missingConfigOutcome, podReferences, providedKeys } from '../k8s/pod-references.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-config-key',
    category: 'configuration',
    severity: 'error',
    supersededBy: ['config-error'],
    description: 'A pod template reads a key that the referenced ConfigMap or Secret in the input does not have.',
    rationale:
      'The kubelet looks the key up when it starts the container or mounts the volume. For env vars (configMapKeyRef, secretKeyRef) a missing key leaves the container in CreateContainerConfigError; for volume items the mount fails and the pod stays in ContainerCreating. Env vars read only a ConfigMap\'s data, never binaryData. Only references marked optional tolerate a missing key.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      for (const ref of podReferences(entry.template, entry.containers)) {
        if ((ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') || ref.optional || ref.keys.length === 0) continue;
        // With duplicates, the first definition is the one judged (duplicate-object reports the rest).
        const target = ctx.graph.get({ group: '', kind: ref.kind, namespace: entry.namespace, name: ref.name });
        if (!target) continue; // dangling-config-ref / dangling-secret-ref
        const keys = providedKeys(ref.kind, target.object);
        if (!keys.wellFormed) continue; // the schema rule reports a data field of the wrong type
        const available = ref.via === 'env' ? keys.env : keys.volume;
        const where = ref.kind === 'Secret' ? ' in data or stringData' : ref.via === 'env' ? ' in data' : ' in data or binaryData';
        for (const { key, path } of ref.keys) {
          if (available.has(key)) continue;
          const why =
            ref.via === 'env' && keys.binaryOnly.has(key)
              ? `which has "${key}" only in binaryData, where env vars cannot read it`
              : `which has no such key${where}`;
          ctx.report({
            node: { manifest: entry.manifest, path },
            message: `${describeUse(ref, owner)} key "${key}" of ${formatRef(target.ref)}, ${why}, so ${missingConfigOutcome(ref)}.`,
            related: [{ node: { manifest: target, path: ['metadata', 'name'] }, note: `the ${ref.kind}` }],
          });
        }
      }
    }
  },
});
