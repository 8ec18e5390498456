import { formatRef } from '../findings.js';
import { INGRESS_GROUPS, ingressView } from '../k8s/ingress.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const CONSEQUENCE: Record<string, string> = {
  NodePort: 'opens its port on every node of the cluster, reachable by anything that can reach a node and outside any Ingress or load balancer controls',
  LoadBalancer: 'gets an external load balancer that exposes it outside the cluster',
};

export default defineRule({
  meta: {
    id: 'exposed-service',
    category: 'networking',
    severity: 'info',
    description: 'A Service of type NodePort (or another type listed in the options, such as LoadBalancer).',
    rationale:
      'A NodePort Service listens on a port of every node, so anything that can reach a node\'s address reaches the pods, bypassing the Ingress controller, its TLS and its access rules; the port range is shared by the whole cluster. A LoadBalancer Service is reachable from outside the cluster unless restricted.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        types: {
          type: 'array',
          items: { enum: ['NodePort', 'LoadBalancer'] },
          description: 'Service types to report (default: NodePort).',
        },
      },
    },
    defaults: { types: ['NodePort'] },
  },
  check(ctx) {
    const types = new Set(Array.isArray(ctx.options.types) ? ctx.options.types : ['NodePort']);
    // Cloud Ingress controllers (GKE without NEG, AWS ALB instance mode) need NodePort backends.
    const ingressBackends = new Set<string>();
    for (const group of INGRESS_GROUPS) {
      for (const ingress of ctx.graph.ofKind('Ingress', group)) {
        for (const use of ingressView(ingress.object)?.backends ?? []) {
          if (use.backend.type === 'service' && use.backend.serviceName) ingressBackends.add(`${ingress.ref.namespace}/${use.backend.serviceName}`);
        }
      }
    }
    for (const svc of ctx.graph.ofKind('Service', '')) {
      const spec = svc.object.spec;
      if (!isRecord(spec) || typeof spec.type !== 'string' || !types.has(spec.type)) continue;
      if (spec.type === 'NodePort' && ingressBackends.has(`${svc.ref.namespace}/${svc.ref.name}`)) continue;
      if (spec.type === 'LoadBalancer' && Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0) continue;
      ctx.report({
        node: { manifest: svc, path: ['spec', 'type'] },
        message: `${formatRef(svc.ref)} is of type ${spec.type}, so it ${CONSEQUENCE[spec.type] ?? 'is exposed outside the cluster'}; expose it through an Ingress or Gateway instead, or restrict who can reach it.`,
      });
    }
  },
});
