import { formatRef } from '../findings.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

/** A Service is headless when its cluster IP is `None` (`clusterIP`, or the first of `clusterIPs`). */
function isHeadless(svc: Manifest): boolean {
  const spec = svc.object.spec;
  if (!isRecord(spec)) return false;
  if (spec.clusterIP === 'None') return true;
  return spec.clusterIP === undefined && Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None';
}

/** Why a Service is not headless, and where that is written. */
function notHeadlessBecause(svc: Manifest): { reason: string; path: JsonPath } {
  const spec = isRecord(svc.object.spec) ? svc.object.spec : {};
  if (spec.type === 'ExternalName') return { reason: 'is of type ExternalName', path: ['spec', 'type'] };
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '')
    return { reason: `has clusterIP "${spec.clusterIP}" instead of "None"`, path: ['spec', 'clusterIP'] };
  return { reason: 'gets a cluster IP (it does not set clusterIP: None)', path: ['metadata', 'name'] };
}

export default defineRule({
  meta: {
    id: 'statefulset-headless-service',
    category: 'networking',
    severity: 'warning',
    description: 'A StatefulSet whose serviceName names a Service that is not in the input or is not headless.',
    rationale:
      'A StatefulSet gives each pod the hostname <pod> and the subdomain spec.serviceName; cluster DNS publishes the per-pod names <pod>.<serviceName>.<namespace>.svc only when a headless Service (clusterIP: None) of that name exists in the namespace. Without it, peers that find each other by those stable names (databases, queues, consensus clusters) fail to resolve them.',
  },
  check(ctx) {
    for (const sts of ctx.graph.ofKind('StatefulSet', 'apps')) {
      const spec = sts.object.spec;
      if (!isRecord(spec)) continue;
      const serviceName = spec.serviceName;
      if (typeof serviceName !== 'string' || serviceName === '') continue; // optional: no per-pod DNS wanted
      const namespace = sts.ref.namespace ?? 'default';
      const podName = `${sts.ref.name || '<name>'}-0.${serviceName}.${namespace}.svc`;
      const services = ctx.graph.getAll({ group: '', kind: 'Service', namespace, name: serviceName });
      if (services.length === 0) {
        const verdict = missingReference(ctx, { group: '', kind: 'Service', namespace, name: serviceName });
        if (!verdict.report) continue;
        ctx.report({
          node: { manifest: sts, path: ['spec', 'serviceName'] },
          message: `${formatRef(sts.ref)} is governed by Service "${serviceName}", which is not in the input in namespace "${namespace}", so per-pod DNS names such as ${podName} do not resolve${verdict.maxSeverity ? absentKindNote('Service') : ''}.`,
          maxSeverity: verdict.maxSeverity,
        });
        continue;
      }
      if (services.some(isHeadless)) continue;
      const svc = services[0];
      const { reason, path } = notHeadlessBecause(svc);
      ctx.report({
        node: { manifest: sts, path: ['spec', 'serviceName'] },
        message: `${formatRef(sts.ref)} is governed by ${formatRef(svc.ref)}, which ${reason}, so cluster DNS publishes no per-pod names such as ${podName}; point serviceName at a headless Service (clusterIP: None).`,
        related: [{ node: { manifest: svc, path }, note: 'the Service' }],
      });
    }
  },
});
