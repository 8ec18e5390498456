/**
 * What the rules of a Role or ClusterRole grant (k8s-semantics.md §12.1): a PolicyRule grants a
 * request when its verbs, apiGroups and resources each contain the request's value or `*`
 * (`resourceNames` narrows it to named objects). Subresources are written `pods/exec`; `*` alone
 * matches every resource and subresource, `pods/*` every subresource of pods.
 */
import type { JsonPath } from '../resolver/source-map.js';
import type { Manifest } from '../resolver/manifest.js';
import { RBAC_GROUP } from './rbac.js';
import { isRecord } from './values.js';

export interface PolicyRule {
  /** Path of the rule in the Role or ClusterRole. */
  path: JsonPath;
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  /** Non-empty when the rule is limited to named objects. */
  resourceNames: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The resource rules of a Role or ClusterRole (non-resource URL rules are left out). */
export function policyRulesOf(role: Manifest): PolicyRule[] {
  const rules = role.object.rules;
  if (!Array.isArray(rules)) return [];
  const out: PolicyRule[] = [];
  rules.forEach((r, i) => {
    if (!isRecord(r)) return;
    const resources = strings(r.resources);
    if (resources.length === 0) return;
    out.push({ path: ['rules', i], verbs: strings(r.verbs), apiGroups: strings(r.apiGroups), resources, resourceNames: strings(r.resourceNames) });
  });
  return out;
}

/** Roles and ClusterRoles of the input, in input order. */
export function rolesOf(graph: { ofKind(kind: string, group?: string): readonly Manifest[] }): Manifest[] {
  return [...graph.ofKind('Role', RBAC_GROUP), ...graph.ofKind('ClusterRole', RBAC_GROUP)].sort((a, b) => a.index - b.index);
}

const resourceMatches = (pattern: string, resource: string): boolean =>
  pattern === '*' || pattern === resource || (pattern.endsWith('/*') && resource.startsWith(pattern.slice(0, -1)));

/** The verbs of `verbs` that the rule grants on `group`/`resource` (for any object when `anyName`). */
export function grantedVerbs(rule: PolicyRule, group: string, resource: string, verbs: readonly string[]): string[] {
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(group)) return [];
  if (!rule.resources.some((r) => resourceMatches(r, resource))) return [];
  if (rule.verbs.includes('*')) return [...verbs];
  return verbs.filter((v) => rule.verbs.includes(v));
}


const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** True when the rule allows every usual verb (or `*`) on every resource of every API group. */
export function allowsEverything(rule: PolicyRule): boolean {
  if (!rule.apiGroups.includes('*') || !rule.resources.includes('*') || rule.resourceNames.length > 0) return false;
  return rule.verbs.includes('*') || ALL_VERBS.every((v) => rule.verbs.includes(v));
}

/**
 * Roles and bindings the cluster itself manages: `system:` names (reserved by Kubernetes), objects
 * labelled `kubernetes.io/bootstrapping: rbac-defaults`, and copies of the default ClusterRoles
 * (cluster-admin, admin, edit, view) found in dumps of a cluster. Their grants are not the input's
 * own choices.
 */
export function isPlatformManaged(object: Manifest): boolean {
  const name = object.ref.name;
  if (name.startsWith('system:')) return true;
  const labels = object.object.metadata.labels;
  if (isRecord(labels) && labels['kubernetes.io/bootstrapping'] === 'rbac-defaults') return true;
  return object.ref.kind === 'ClusterRole' && ['cluster-admin', 'admin', 'edit', 'view'].includes(name);
}
