import { formatRef } from '../findings.js';
import { evaluatePodSecurity, namespacePolicy, PSA_ENFORCE_LABEL, PSA_ENFORCE_VERSION_LABEL } from '../k8s/pod-security.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RelatedNode } from './types.js';

/** How the workload fails: bare Pods at apply, controller-made pods at creation. */
function outcome(manifest: Manifest): string {
  const ref = formatRef(manifest.ref);
  switch (manifest.ref.kind) {
    case 'Pod':
      return `${ref} would be rejected at apply`;
    case 'Deployment':
      return `${ref} is accepted but its pods would be rejected at creation (its ReplicaSet reports FailedCreate)`;
    case 'CronJob':
      return `${ref} is accepted but the pods of its Jobs would be rejected at creation (each Job reports FailedCreate)`;
    default:
      return `${ref} is accepted but its pods would be rejected at creation (it reports FailedCreate)`;
  }
}

export default defineRule({
  meta: {
    id: 'pod-security',
    category: 'security',
    severity: 'error',
    description: 'A pod template that violates the Pod Security level its Namespace enforces.',
    rationale:
      'A Namespace labelled pod-security.kubernetes.io/enforce makes the API server reject every pod that breaks a control of that level. A bare Pod fails at apply; a Deployment, StatefulSet, DaemonSet or Job is accepted, but its controller can never create a pod, so nothing runs and the only trace is a FailedCreate event.',
  },
  check(ctx) {
    const clusterMinor = Number(/^1\.(\d+)$/.exec(ctx.run.kubernetesVersion)?.[1] ?? Number.POSITIVE_INFINITY);
    const seen = new Set<string>();
    for (const ns of ctx.graph.ofKind('Namespace', '')) {
      if (seen.has(ns.ref.name)) continue;
      seen.add(ns.ref.name);
      const policy = namespacePolicy(ns, clusterMinor);
      if (!policy) continue;
      const related: RelatedNode[] = [
        {
          node: { manifest: ns, path: ['metadata', 'labels', PSA_ENFORCE_LABEL] },
          note: `Namespace/${ns.ref.name} enforces the "${policy.level}" Pod Security level`,
        },
      ];
      if (policy.pinned) {
        related.push({ node: { manifest: ns, path: ['metadata', 'labels', PSA_ENFORCE_VERSION_LABEL] }, note: 'the pinned policy version' });
      }
      for (const entry of ctx.graph.podTemplates()) {
        if (entry.namespace !== ns.ref.name) continue;
        for (const v of evaluatePodSecurity(entry.template, policy.level, { version: policy.version })) {
          ctx.report({
            node: { manifest: entry.manifest, path: v.path, part: v.part },
            message: `${outcome(entry.manifest)} by the ${v.level} control "${v.control}" that Namespace/${ns.ref.name} enforces${policy.note}: violates PodSecurity "${policy.name}": ${v.reason} (${v.detail}).`,
            related,
          });
        }
      }
    }
  },
});
