import { formatRef } from '../findings.js';
import {
  evaluatePodSecurity,
  parsePolicyVersion,
  PSA_ENFORCE_LABEL,
  PSA_ENFORCE_VERSION_LABEL,
  type PodSecurityLevel,
} from '../k8s/pod-security.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RelatedNode } from './types.js';

/** Pod Security Admission is on by default from Kubernetes 1.23 (beta); before, the labels do nothing. */
const FIRST_ENFORCING_MINOR = 23;

interface NamespacePolicy {
  level: PodSecurityLevel;
  /** `restricted:latest`, as admission names the policy in its message. */
  name: string;
  /** Policy minor version to evaluate. */
  version: number;
  /** Why the level differs from the label, when it does. */
  note: string;
  /** True when the version label pins a valid version (not latest). */
  pinned: boolean;
}

/** The enforced policy of a Namespace, or undefined when it enforces nothing (no label, `privileged`). */
function enforcedPolicy(ns: Manifest, clusterMinor: number): NamespacePolicy | undefined {
  const labels = ns.object.metadata.labels;
  if (!isRecord(labels)) return undefined;
  const levelLabel = labels[PSA_ENFORCE_LABEL];
  if (typeof levelLabel !== 'string' || levelLabel === 'privileged') return undefined;
  // Admission reads an invalid level as restricted and an invalid version as latest.
  const valid = levelLabel === 'baseline' || levelLabel === 'restricted';
  const level: PodSecurityLevel = valid ? levelLabel : 'restricted';
  const versionLabel = labels[PSA_ENFORCE_VERSION_LABEL];
  const pinned = parsePolicyVersion(versionLabel);
  const shownVersion = pinned === undefined || pinned === Number.POSITIVE_INFINITY ? 'latest' : `v1.${pinned}`;
  // `latest` is the newest policy the API server knows; a newer pinned version means the same.
  const version = Math.min(pinned ?? Number.POSITIVE_INFINITY, clusterMinor);
  const note = valid ? '' : ` (the label value "${levelLabel}" is not a level, so admission enforces restricted)`;
  return { level, name: `${level}:${shownVersion}`, version, note, pinned: shownVersion !== 'latest' };
}

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
    if (clusterMinor < FIRST_ENFORCING_MINOR) return;
    const seen = new Set<string>();
    for (const ns of ctx.graph.ofKind('Namespace', '')) {
      if (seen.has(ns.ref.name)) continue;
      seen.add(ns.ref.name);
      const policy = enforcedPolicy(ns, clusterMinor);
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
