/**
 * Which pods a ResourceQuota applies to: its `spec.scopes` and `spec.scopeSelector` (§11.1, QoS
 * from §2.3; `kubernetes/kubernetes: pkg/quota/v1/evaluator/core/pods.go (podMatchesScopeFunc,
 * isTerminating, usesCrossNamespacePodAffinity)`). Every selector must match; a quota without
 * scopes applies to every pod of its namespace.
 */
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import { qosClass } from '../resources.js';

export interface ScopeSelector {
  scopeName: string;
  /** `Exists` for `spec.scopes` entries; `In`, `NotIn`, `Exists`, `DoesNotExist` in a scopeSelector. */
  operator: string;
  values: string[];
  /** Where the scope is written in the quota. */
  path: JsonPath;
}

/** `spec.scopes` as `Exists` selectors, then `spec.scopeSelector.matchExpressions` (getScopeSelectorsFromQuota). */
export function quotaScopeSelectors(quota: Manifest): ScopeSelector[] {
  const spec = isRecord(quota.object.spec) ? quota.object.spec : {};
  const out: ScopeSelector[] = [];
  if (Array.isArray(spec.scopes)) {
    spec.scopes.forEach((s, i) => {
      if (typeof s === 'string') out.push({ scopeName: s, operator: 'Exists', values: [], path: ['spec', 'scopes', i] });
    });
  }
  const expressions = isRecord(spec.scopeSelector) ? spec.scopeSelector.matchExpressions : undefined;
  if (Array.isArray(expressions)) {
    expressions.forEach((e, i) => {
      if (!isRecord(e) || typeof e.scopeName !== 'string') return;
      out.push({
        scopeName: e.scopeName,
        operator: typeof e.operator === 'string' ? e.operator : '',
        values: Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [],
        path: ['spec', 'scopeSelector', 'matchExpressions', i],
      });
    });
  }
  return out;
}

/** `activeDeadlineSeconds` set (and ≥ 0): the pod may be terminated by the system. */
function isTerminating(spec: Record<string, unknown>): boolean {
  return typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
}

/** Any pod (anti-)affinity term, required or preferred, naming other namespaces or a namespaceSelector. */
function usesCrossNamespacePodAffinity(spec: Record<string, unknown>): boolean {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = affinity[kind];
    if (!isRecord(a)) continue;
    const required = Array.isArray(a.requiredDuringSchedulingIgnoredDuringExecution) ? a.requiredDuringSchedulingIgnoredDuringExecution : [];
    const preferred = Array.isArray(a.preferredDuringSchedulingIgnoredDuringExecution)
      ? a.preferredDuringSchedulingIgnoredDuringExecution.map((p) => (isRecord(p) ? p.podAffinityTerm : undefined))
      : [];
    for (const term of [...required, ...preferred]) {
      if (!isRecord(term)) continue;
      if (Array.isArray(term.namespaces) && term.namespaces.length > 0) return true;
      if (term.namespaceSelector !== undefined && term.namespaceSelector !== null) return true;
    }
  }
  return false;
}

/**
 * The PriorityClass scope: `Exists` means the pod names a class; otherwise the requirement is a
 * label selector over `{PriorityClass: <name>}`, a set that is empty when the pod names no class
 * (`podMatchesSelector`): `In` needs the label, `NotIn` and `DoesNotExist` match its absence.
 */
function matchesPriorityClass(selector: ScopeSelector, spec: Record<string, unknown>): boolean {
  const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  const has = name !== '';
  switch (selector.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'In':
      return has && selector.values.includes(name);
    case 'NotIn':
      return !has || !selector.values.includes(name);
    default:
      return false;
  }
}

/** What scopes look at in a pod spec, each computed at most once per pod. */
export interface PodScopeFacts {
  spec: Record<string, unknown>;
  bestEffort(): boolean;
}

export function podScopeFacts(spec: Record<string, unknown>): PodScopeFacts {
  let bestEffort: boolean | undefined;
  return { spec, bestEffort: () => (bestEffort ??= qosClass(spec) === 'BestEffort') };
}

/** Whether one scope selector matches a pod; unknown scopes (e.g. VolumeAttributesClass) match no pod. */
export function podMatchesScope(selector: ScopeSelector, pod: PodScopeFacts): boolean {
  switch (selector.scopeName) {
    case 'Terminating':
      return isTerminating(pod.spec);
    case 'NotTerminating':
      return !isTerminating(pod.spec);
    case 'BestEffort':
      return pod.bestEffort();
    case 'NotBestEffort':
      return !pod.bestEffort();
    case 'PriorityClass':
      return matchesPriorityClass(selector, pod.spec);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(pod.spec);
    default:
      return false;
  }
}
