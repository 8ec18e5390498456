/**
 * Classes of resource names (`cpu`, `memory`, `hugepages-2Mi`, `nvidia.com/gpu`, `pods`) and what
 * Kubernetes allows for each, see section 1.2 of docs/k8s-semantics.md
 * (`pkg/apis/core/helper/helpers.go`: IsNativeResource, IsExtendedResourceName, IsOvercommitAllowed,
 * IsIntegerResourceName).
 */
import { qualifiedName } from './names.js';

/** Object-count resources of ResourceQuota, measured in whole numbers. */
const INTEGER_RESOURCES = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

/** Names in the Kubernetes namespace: unprefixed (`cpu`) or under `kubernetes.io/`. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isHugePagesResource(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** A vendor resource advertised by a device plugin (`nvidia.com/gpu`, `example.com/foo`). */
export function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return qualifiedName(`requests.${name}`).length === 0;
}

/** Whether a request may be lower than the limit; extended resources and huge pages must have request == limit. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePagesResource(name);
}

/** Resources whose quantities must be whole numbers (object counts, extended resources). */
export function isIntegerResource(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResource(name);
}
