/**
 * RBAC knowledge (section 12.1 of docs/k8s-semantics.md): binding `roleRef`s and the roles every
 * cluster creates at startup (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy`: the user-facing
 * ClusterRoles `cluster-admin`, `admin`, `edit`, `view`, every `system:*` ClusterRole, and a few
 * Roles in `kube-system` and `kube-public`).
 */
import type { JsonPath } from '../resolver/source-map.js';
import { isRecord } from './values.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

const DEFAULT_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/** Roles the API server bootstraps in its reserved namespaces (besides `system:*` ones). */
const DEFAULT_NAMESPACE_ROLES: Record<string, readonly string[]> = {
  'kube-system': ['extension-apiserver-authentication-reader'],
  'kube-public': [],
};

/** True for a ClusterRole every cluster has by default. */
export function isDefaultClusterRole(name: string): boolean {
  return DEFAULT_CLUSTER_ROLES.has(name) || name.startsWith('system:');
}

/** True for a Role the API server creates by default in `namespace`. */
export function isDefaultRole(namespace: string, name: string): boolean {
  const names = DEFAULT_NAMESPACE_ROLES[namespace];
  if (names === undefined) return false;
  return names.includes(name) || name.startsWith('system:');
}

export interface RoleRef {
  path: JsonPath;
  /** `apiGroup` as written, undefined when missing or not a string. */
  apiGroup: string | undefined;
  kind: string | undefined;
  name: string | undefined;
}

/** The `roleRef` of a RoleBinding or ClusterRoleBinding, or undefined when it is not a mapping. */
export function roleRefOf(object: Record<string, unknown>): RoleRef | undefined {
  const ref = object.roleRef;
  if (!isRecord(ref)) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  return { path: ['roleRef'], apiGroup: str(ref.apiGroup), kind: str(ref.kind), name: str(ref.name) };
}
