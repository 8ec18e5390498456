/** Every rule drydock ships, in the order they run and are listed. */
import type { Rule } from './types.js';
import yamlSyntax from './yaml-syntax.js';
import objectShape from './object-shape.js';
import duplicateObject from './duplicate-object.js';
import invalidName from './invalid-name.js';
import labelSyntax from './label-syntax.js';
import selectorMismatch from './selector-mismatch.js';
import danglingService from './dangling-service.js';
import serviceTargetPort from './service-target-port.js';
import probePort from './probe-port.js';
import missingReadinessProbe from './missing-readiness-probe.js';
import missingLivenessProbe from './missing-liveness-probe.js';
import identicalProbes from './identical-probes.js';
import invalidProbe from './invalid-probe.js';
import missingRequests from './missing-requests.js';
import missingMemoryLimit from './missing-memory-limit.js';
import requestsExceedLimits from './requests-exceed-limits.js';
import invalidQuantity from './invalid-quantity.js';
import configKeySyntax from './config-key-syntax.js';
import envSecretLiteral from './env-secret-literal.js';
import ingressConflict from './ingress-conflict.js';
import danglingIngressBackend from './dangling-ingress-backend.js';
import schema from './schema.js';
import deprecatedApi from './deprecated-api.js';
import unknownKind from './unknown-kind.js';
import danglingConfigRef from './dangling-config-ref.js';
import danglingSecretRef from './dangling-secret-ref.js';
import missingConfigKey from './missing-config-key.js';
import danglingPvc from './dangling-pvc.js';
import danglingServiceAccount from './dangling-service-account.js';
import danglingImagePullSecret from './dangling-image-pull-secret.js';
import danglingRoleRef from './dangling-role-ref.js';
import statefulsetHeadlessService from './statefulset-headless-service.js';
import danglingHpaTarget from './dangling-hpa-target.js';
import hpaReplicasConflict from './hpa-replicas-conflict.js';
import danglingPdb from './dangling-pdb.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import danglingNetworkPolicy from './dangling-network-policy.js';
import selectorOverlap from './selector-overlap.js';
import ingressTlsSecret from './ingress-tls-secret.js';
import missingNamespace from './missing-namespace.js';
import privilegedContainer from './privileged-container.js';
import privilegeEscalation from './privilege-escalation.js';
import runAsRoot from './run-as-root.js';
import writableRootFs from './writable-root-fs.js';
import hostNamespace from './host-namespace.js';
import hostPath from './host-path.js';
import hostPort from './host-port.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import latestTag from './latest-tag.js';
import automountToken from './automount-token.js';
import podSecurity from './pod-security.js';
import jobRestartPolicy from './job-restart-policy.js';
import cronjobSchedule from './cronjob-schedule.js';
import requiredLabels from './required-labels.js';
import imagePullPolicy from './image-pull-policy.js';
import deprecatedServiceAccountField from './deprecated-service-account-field.js';
import duplicateEnvVar from './duplicate-env-var.js';
import sshPort from './ssh-port.js';
import privilegedPort from './privileged-port.js';
import unsafeSysctls from './unsafe-sysctls.js';
import unsafeProcMount from './unsafe-proc-mount.js';
import rbacWildcard from './rbac-wildcard.js';
import rbacPodExec from './rbac-pod-exec.js';
import clusterAdminBinding from './cluster-admin-binding.js';
import rbacSensitiveAccess from './rbac-sensitive-access.js';
import missingPdb from './missing-pdb.js';
import missingAntiAffinity from './missing-anti-affinity.js';
import hpaReplicaRange from './hpa-replica-range.js';
import exposedService from './exposed-service.js';
import ingressWithoutTls from './ingress-without-tls.js';
import configmapSecret from './configmap-secret.js';
import minReplicas from './min-replicas.js';
import controllerRestartPolicy from './controller-restart-policy.js';
import missingNetworkPolicy from './missing-network-policy.js';
import missingEphemeralStorageLimit from './missing-ephemeral-storage-limit.js';
import pdbNoPolicy from './pdb-no-policy.js';
import pdbUnhealthyEvictionPolicy from './pdb-unhealthy-eviction-policy.js';
import recreateStrategy from './recreate-strategy.js';
import defaultServiceAccount from './default-service-account.js';
import jobTtl from './job-ttl.js';
import cronjobDeadline from './cronjob-deadline.js';
import hostProcess from './host-process.js';
import secretInEnv from './secret-in-env.js';
import requiredAnnotations from './required-annotations.js';
import danglingNetworkPolicyPeer from './dangling-network-policy-peer.js';
import danglingServiceMonitor from './dangling-service-monitor.js';
import unschedulable from './unschedulable.js';
import pvcUnbound from './pvc-unbound.js';
import quotaExceeded from './quota-exceeded.js';
import limitrangeViolation from './limitrange-violation.js';
import admissionRejected from './admission-rejected.js';
import configError from './config-error.js';
import noReadyEndpoints from './no-ready-endpoints.js';
import daemonsetNoNodes from './daemonset-no-nodes.js';
import rolloutStuck from './rollout-stuck.js';
import drainBlocked from './drain-blocked.js';
import hpaNoRequests from './hpa-no-requests.js';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  objectShape,
  schema,
  deprecatedApi,
  unknownKind,
  duplicateObject,
  invalidName,
  labelSyntax,
  selectorMismatch,
  danglingService,
  serviceTargetPort,
  probePort,
  missingReadinessProbe,
  missingLivenessProbe,
  identicalProbes,
  invalidProbe,
  missingRequests,
  missingMemoryLimit,
  requestsExceedLimits,
  invalidQuantity,
  configKeySyntax,
  envSecretLiteral,
  ingressConflict,
  danglingIngressBackend,
  danglingConfigRef,
  danglingSecretRef,
  missingConfigKey,
  danglingPvc,
  danglingServiceAccount,
  danglingImagePullSecret,
  danglingRoleRef,
  statefulsetHeadlessService,
  danglingHpaTarget,
  hpaReplicasConflict,
  danglingPdb,
  pdbBlocksEviction,
  danglingNetworkPolicy,
  selectorOverlap,
  ingressTlsSecret,
  missingNamespace,
  privilegedContainer,
  privilegeEscalation,
  runAsRoot,
  writableRootFs,
  hostNamespace,
  hostPath,
  hostPort,
  dangerousCapabilities,
  latestTag,
  automountToken,
  podSecurity,
  jobRestartPolicy,
  cronjobSchedule,
  requiredLabels,
  imagePullPolicy,
  deprecatedServiceAccountField,
  duplicateEnvVar,
  sshPort,
  privilegedPort,
  unsafeSysctls,
  unsafeProcMount,
  rbacWildcard,
  rbacPodExec,
  clusterAdminBinding,
  rbacSensitiveAccess,
  missingPdb,
  missingAntiAffinity,
  hpaReplicaRange,
  exposedService,
  ingressWithoutTls,
  configmapSecret,
  minReplicas,
  controllerRestartPolicy,
  missingNetworkPolicy,
  missingEphemeralStorageLimit,
  pdbNoPolicy,
  pdbUnhealthyEvictionPolicy,
  recreateStrategy,
  defaultServiceAccount,
  jobTtl,
  cronjobDeadline,
  hostProcess,
  secretInEnv,
  requiredAnnotations,
  danglingNetworkPolicyPeer,
  danglingServiceMonitor,
  unschedulable,
  pvcUnbound,
  quotaExceeded,
  limitrangeViolation,
  admissionRejected,
  configError,
  noReadyEndpoints,
  daemonsetNoNodes,
  rolloutStuck,
  drainBlocked,
  hpaNoRequests,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
