/**
 * Admission of the pods the controllers create, one at a time in creation order, in the API
 * server's order (§0 steps 2–3, §11): ServiceAccount, LimitRanger (mutating), then API validation
 * of the defaulted pod, LimitRanger (validating), PodSecurity, ResourceQuota. A rejected pod is
 * never created: its controller reports `FailedCreate` with the API server's error (§4.3, §13).
 */
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { SimIssue, SimPod } from '../model.js';
import { admissionIssues } from './admission-issues.js';
import { applyLimitRangeDefaults, checkLimitRange, type AppliedDefault, type LimitRangeViolation } from './limit-range.js';
import { checkPodSecurity, type PodSecurityVerdict } from './pod-security.js';
import { QuotaLedger, type QuotaRejection } from './resource-quota.js';
import { checkServiceAccount, serviceAccountOf, type ServiceAccountLookup } from './service-account.js';

export type AdmissionRejection =
  | { check: 'ServiceAccount'; error: string; message: string; serviceAccount: string }
  | { check: 'LimitRanger'; error: string; message: string; violations: LimitRangeViolation[] }
  | { check: 'PodSecurity'; error: string; message: string; verdict: PodSecurityVerdict }
  | { check: 'ResourceQuota'; error: string; message: string; verdict: QuotaRejection };

export type AdmissionCheck = AdmissionRejection['check'];

export interface AdmissionResult {
  pod: SimPod;
  admitted: boolean;
  /** What the LimitRanger set on the pod's containers. */
  defaults: AppliedDefault[];
  /** The ResourceQuotas the admitted pod was charged to. */
  quotas: Manifest[];
  /**
   * Why the pod was rejected: `error` is the plugin's message, `message` the API server's
   * (`pods "<pod>" is forbidden: <error>`, or `Pod "<pod>" is invalid: <error>` for a field error).
   */
  rejection?: AdmissionRejection;
}

export interface AdmissionInput {
  graph: ObjectGraph;
  kubernetesVersion: string;
  serviceAccountLookup: ServiceAccountLookup;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
export function aggregateErrors(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

const forbidden = (pod: SimPod, error: string): string => `pods "${pod.name}" is forbidden: ${error}`;

/**
 * The LimitRanger's rejection: field errors of defaulting first (API validation runs before
 * validating admission), else the violations of the first LimitRange that has any (the plugin
 * stops at the first failing LimitRange).
 */
function limitRangeRejection(pod: SimPod, violations: LimitRangeViolation[]): AdmissionRejection {
  const invalid = violations.filter((v) => v.constraint === 'requestAboveLimit');
  if (invalid.length > 0) {
    const error = aggregateErrors(invalid.map((v) => v.message));
    return { check: 'LimitRanger', error, message: `Pod "${pod.name}" is invalid: ${error}`, violations };
  }
  const first = violations[0].limitRange;
  const error = aggregateErrors(violations.filter((v) => v.limitRange === first).map((v) => v.message));
  return { check: 'LimitRanger', error, message: forbidden(pod, error), violations };
}

export class Admission {
  private readonly limitRanges: readonly Manifest[];
  private readonly namespaces = new Map<string, Manifest>();
  private readonly quotas: QuotaLedger;
  private readonly kubernetesVersion: string;
  private readonly serviceAccountLookup: ServiceAccountLookup;
  /**
   * Pod Security verdicts per owner: the controllers change nothing a control reads (they add
   * tolerations, claim names, hostnames), so every pod of a workload gets the same verdict.
   */
  private readonly podSecurity = new Map<Manifest, PodSecurityVerdict | undefined>();

  constructor(input: AdmissionInput) {
    this.limitRanges = input.graph.ofKind('LimitRange', '');
    this.quotas = new QuotaLedger(input.graph.ofKind('ResourceQuota', ''));
    for (const ns of input.graph.ofKind('Namespace', '')) if (!this.namespaces.has(ns.ref.name)) this.namespaces.set(ns.ref.name, ns);
    this.kubernetesVersion = input.kubernetesVersion;
    this.serviceAccountLookup = input.serviceAccountLookup;
  }

  /** The quota usage so far (for the day-2 simulations and the `sim` output). */
  get ledger(): QuotaLedger {
    return this.quotas;
  }

  /** Runs a new pod through admission; a rejected pod gets phase `Rejected` / `FailedCreate`. */
  admit(pod: SimPod): AdmissionResult {
    const result: AdmissionResult = { pod, admitted: false, defaults: [], quotas: [] };
    const saError = checkServiceAccount(pod, this.serviceAccountLookup);
    if (saError) {
      return this.reject(result, { check: 'ServiceAccount', error: saError, message: forbidden(pod, saError), serviceAccount: serviceAccountOf(pod.spec) });
    }
    result.defaults = applyLimitRangeDefaults(pod, this.limitRanges);
    const violations = checkLimitRange(pod, this.limitRanges);
    if (violations.length > 0) return this.reject(result, limitRangeRejection(pod, violations));
    const owner = pod.owner.manifest;
    if (!this.podSecurity.has(owner)) this.podSecurity.set(owner, checkPodSecurity(pod, this.namespaces, this.kubernetesVersion));
    const psa = this.podSecurity.get(owner);
    if (psa) return this.reject(result, { check: 'PodSecurity', error: psa.message, message: forbidden(pod, psa.message), verdict: psa });
    const quota = this.quotas.admit(pod);
    if (!quota.allowed) return this.reject(result, { check: 'ResourceQuota', error: quota.message, message: forbidden(pod, quota.message), verdict: quota });
    result.admitted = true;
    result.quotas = quota.quotas;
    return result;
  }

  /** Findings for the rejected pods: one per workload and cause (§13). */
  issuesFor(results: readonly AdmissionResult[]): SimIssue[] {
    return admissionIssues(results);
  }

  private reject(result: AdmissionResult, rejection: AdmissionRejection): AdmissionResult {
    result.rejection = rejection;
    result.pod.status = { phase: 'Rejected', reason: 'FailedCreate', message: rejection.message, ready: false };
    return result;
  }
}
