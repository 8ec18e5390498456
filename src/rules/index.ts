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
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
