/**
 * Pod Security Admission on a new pod (§11.3): the `pod-security.kubernetes.io/enforce` label of
 * the pod's Namespace (and `enforce-version`) decides the level; a pod breaking any control of it
 * is rejected with `violates PodSecurity "<level>:<version>": <reason> (<detail>), …`.
 *
 * Same verdicts as the `pod-security` rule: the controls, their version handling, the reading of
 * the Namespace labels (`namespacePolicy`) and the message come from src/k8s/pod-security.ts.
 */
import {
  evaluatePodSecurity,
  formatPodSecurityViolations,
  namespacePolicy,
  POD_SECURITY_CONTROLS,
  PSA_ENFORCE_LABEL,
  PSA_ENFORCE_VERSION_LABEL,
  type PodSecurityLevel,
  type PodSecurityViolation,
} from '../../k8s/pod-security.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { SimPod } from '../model.js';

export interface PodSecurityVerdict {
  namespace: Manifest;
  level: PodSecurityLevel;
  /** `restricted:latest`, `baseline:v1.29`: the policy as admission names it. */
  policy: string;
  violations: PodSecurityViolation[];
  /** `violates PodSecurity "restricted:latest": …` (after `pods "<pod>" is forbidden: `). */
  message: string;
  /** Path of the enforce label in the Namespace, and of the version label when it pins one. */
  labelPath: JsonPath;
  versionLabelPath?: JsonPath;
}

/** Baseline checks a restricted check replaces (upstream's "overlapping" baseline checks). */
const OVERLAPPING = new Set(POD_SECURITY_CONTROLS.flatMap((c) => c.overrides ?? []));

const group = (v: PodSecurityViolation): number => (v.level === 'restricted' ? 2 : OVERLAPPING.has(v.check) ? 1 : 0);
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Violations in the order admission lists them (`policy/registry.go (EvaluatePod)`): baseline
 * checks, then the overlapping baseline ones, then restricted ones, each group in the order the
 * `check_<id>.go` files register themselves (lexical file order, so by check ID). The controls
 * of src/k8s/pod-security.ts come in Pod Security Standards page order instead; sorting here keeps
 * the message identical to the API server's (§11.3 example: allowPrivilegeEscalation, unrestricted
 * capabilities, runAsNonRoot, seccompProfile).
 */
export function inAdmissionOrder(violations: readonly PodSecurityViolation[]): PodSecurityViolation[] {
  return [...violations].sort((a, b) => group(a) - group(b) || byteOrder(a.check, b.check));
}

/** The Kubernetes minor version (`1.30`, `v1.30.2` → 30); Infinity when unreadable. */
export function clusterMinorOf(kubernetesVersion: string): number {
  const m = /^v?1\.(\d+)/.exec(kubernetesVersion);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/**
 * The Pod Security verdict on a pod, or undefined when it is admitted. The pod's own spec is
 * evaluated, with paths in its owner's template so findings point at the workload's fields.
 */
export function checkPodSecurity(pod: SimPod, namespaces: ReadonlyMap<string, Manifest>, kubernetesVersion: string): PodSecurityVerdict | undefined {
  const clusterMinor = clusterMinorOf(kubernetesVersion);
  const namespace = namespaces.get(pod.namespace);
  if (!namespace) return undefined;
  const policy = namespacePolicy(namespace, clusterMinor);
  if (!policy) return undefined;
  const violations = inAdmissionOrder(evaluatePodSecurity({ ...pod.template, spec: pod.spec }, policy.level, { version: policy.version }));
  if (violations.length === 0) return undefined;
  return {
    namespace,
    level: policy.level,
    policy: policy.name,
    violations,
    message: formatPodSecurityViolations(violations, policy.name),
    labelPath: ['metadata', 'labels', PSA_ENFORCE_LABEL],
    ...(policy.pinned ? { versionLabelPath: ['metadata', 'labels', PSA_ENFORCE_VERSION_LABEL] } : {}),
  };
}
