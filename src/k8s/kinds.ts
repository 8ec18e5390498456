/** Well-known kinds: API group, scope and the name rule the API server applies. */

export type NameRule = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

export interface KindInfo {
  group: string;
  namespaced: boolean;
  nameRule: NameRule;
  /** Extra length limit on names beyond the rule's own (CronJob: 52). */
  maxNameLength?: number;
}

const ns = (group: string, nameRule: NameRule = 'dns1123-subdomain', maxNameLength?: number): KindInfo => ({
  group,
  namespaced: true,
  nameRule,
  maxNameLength,
});
const cluster = (group: string, nameRule: NameRule = 'dns1123-subdomain'): KindInfo => ({
  group,
  namespaced: false,
  nameRule,
});

/**
 * Keyed by `group/Kind` (core group: `/Kind`). Name rules follow section 9.3 of the semantics doc
 * (`pkg/apis/*\/validation`); RBAC names are path segments.
 */
const KINDS: Record<string, KindInfo> = {
  '/Pod': ns(''),
  '/Service': ns('', 'dns1035-label'),
  '/ConfigMap': ns(''),
  '/Secret': ns(''),
  '/ServiceAccount': ns(''),
  '/PersistentVolumeClaim': ns(''),
  '/Endpoints': ns(''),
  '/LimitRange': ns(''),
  '/ResourceQuota': ns(''),
  '/ReplicationController': ns(''),
  '/PodTemplate': ns(''),
  '/Event': ns(''),
  '/Binding': ns(''),
  '/Namespace': cluster('', 'dns1123-label'),
  '/Node': cluster(''),
  '/PersistentVolume': cluster('', 'dns1123-subdomain'),
  '/ComponentStatus': cluster(''),
  'apps/Deployment': ns('apps'),
  'apps/ReplicaSet': ns('apps'),
  'apps/StatefulSet': ns('apps', 'dns1123-label'),
  'apps/DaemonSet': ns('apps'),
  'apps/ControllerRevision': ns('apps'),
  'extensions/Deployment': ns('extensions'),
  'extensions/ReplicaSet': ns('extensions'),
  'extensions/DaemonSet': ns('extensions'),
  'extensions/Ingress': ns('extensions'),
  'extensions/NetworkPolicy': ns('extensions'),
  'extensions/PodSecurityPolicy': cluster('extensions'),
  'batch/Job': ns('batch'),
  'batch/CronJob': ns('batch', 'dns1123-subdomain', 52),
  'autoscaling/HorizontalPodAutoscaler': ns('autoscaling'),
  'policy/PodDisruptionBudget': ns('policy'),
  'policy/PodSecurityPolicy': cluster('policy'),
  'networking.k8s.io/Ingress': ns('networking.k8s.io'),
  'networking.k8s.io/IngressClass': cluster('networking.k8s.io'),
  'networking.k8s.io/NetworkPolicy': ns('networking.k8s.io'),
  'networking.k8s.io/IPAddress': cluster('networking.k8s.io'),
  'networking.k8s.io/ServiceCIDR': cluster('networking.k8s.io'),
  'discovery.k8s.io/EndpointSlice': ns('discovery.k8s.io'),
  'rbac.authorization.k8s.io/Role': ns('rbac.authorization.k8s.io', 'path-segment'),
  'rbac.authorization.k8s.io/RoleBinding': ns('rbac.authorization.k8s.io', 'path-segment'),
  'rbac.authorization.k8s.io/ClusterRole': cluster('rbac.authorization.k8s.io', 'path-segment'),
  'rbac.authorization.k8s.io/ClusterRoleBinding': cluster('rbac.authorization.k8s.io', 'path-segment'),
  'storage.k8s.io/StorageClass': cluster('storage.k8s.io'),
  'storage.k8s.io/CSIDriver': cluster('storage.k8s.io'),
  'storage.k8s.io/CSINode': cluster('storage.k8s.io'),
  'storage.k8s.io/VolumeAttachment': cluster('storage.k8s.io'),
  'storage.k8s.io/CSIStorageCapacity': ns('storage.k8s.io'),
  'storage.k8s.io/VolumeAttributesClass': cluster('storage.k8s.io'),
  'scheduling.k8s.io/PriorityClass': cluster('scheduling.k8s.io'),
  'node.k8s.io/RuntimeClass': cluster('node.k8s.io'),
  'coordination.k8s.io/Lease': ns('coordination.k8s.io'),
  'certificates.k8s.io/CertificateSigningRequest': cluster('certificates.k8s.io'),
  'apiextensions.k8s.io/CustomResourceDefinition': cluster('apiextensions.k8s.io'),
  'apiregistration.k8s.io/APIService': cluster('apiregistration.k8s.io', 'path-segment'),
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': cluster('admissionregistration.k8s.io'),
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': cluster('admissionregistration.k8s.io'),
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy': cluster('admissionregistration.k8s.io'),
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding': cluster('admissionregistration.k8s.io'),
  'admissionregistration.k8s.io/MutatingAdmissionPolicy': cluster('admissionregistration.k8s.io'),
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding': cluster('admissionregistration.k8s.io'),
  'flowcontrol.apiserver.k8s.io/FlowSchema': cluster('flowcontrol.apiserver.k8s.io'),
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration': cluster('flowcontrol.apiserver.k8s.io'),
  'events.k8s.io/Event': ns('events.k8s.io'),
};

/** Splits an apiVersion into group and version (`apps/v1` → apps, v1; `v1` → core group ""). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function kindInfo(group: string, kind: string): KindInfo | undefined {
  return KINDS[`${group}/${kind}`];
}

/** Pod-template-bearing workload kinds (the pod template module knows their paths). */
export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** API groups whose "objects" are component or tool configuration files, never sent to the API server. */
const CONFIG_GROUPS = new Set([
  'kustomize.config.k8s.io',
  'kubeadm.k8s.io',
  'kubelet.config.k8s.io',
  'kubescheduler.config.k8s.io',
  'kubeproxy.config.k8s.io',
  'kubecontrollermanager.config.k8s.io',
  'apiserver.config.k8s.io',
  'apiserver.k8s.io',
  'audit.k8s.io',
  'client.authentication.k8s.io',
]);

/**
 * Documents that carry apiVersion/kind but are tool configuration, not API objects (kubeconfig
 * files, component configs, kustomizations, the legacy scheduler Policy file, admission review
 * payloads, gator test suites): they are skipped like any other non-manifest file.
 */
export function isToolConfig(group: string, kind: string): boolean {
  return (
    CONFIG_GROUPS.has(group) ||
    (group === '' && (kind === 'Config' || kind === 'Policy')) ||
    (group === 'admission.k8s.io' && kind === 'AdmissionReview') ||
    (group === 'test.gatekeeper.sh' && kind === 'Suite') ||
    (group === 'config.kubernetes.io' && kind === 'ResourceList')
  );
}
