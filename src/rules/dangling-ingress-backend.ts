import { ConfigProducers } from '../k8s/config-producers.js';
import { formatRef } from '../findings.js';
import { ingressView, INGRESS_GROUPS, type IngressBackendUse, type IngressServicePort } from '../k8s/ingress.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule } from './types.js';
import { isRecord } from '../k8s/values.js';

/** `the default backend` or `host "a.com" path "/api"` — which use of the backend a message is about. */
function describeUse(use: IngressBackendUse): string {
  const rp = use.rulePath;
  if (!rp) return 'the default backend';
  const host = rp.host === '' ? 'every host' : `host "${rp.host}"`;
  return `${host} path "${rp.path === '' ? '/' : rp.path}"`;
}

function servicePorts(svc: Manifest): Record<string, unknown>[] {
  const spec = svc.object.spec;
  return isRecord(spec) && Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
}

/** Whether a Service accepts the backend port: by port number or port name; ExternalName accepts any. */
function exposes(svc: Manifest, port: IngressServicePort): boolean {
  const spec = svc.object.spec;
  if (isRecord(spec) && spec.type === 'ExternalName') return true; // ports are not resolved for ExternalName
  const ports = servicePorts(svc);
  return port.number !== undefined ? ports.some((p) => p.port === port.number) : ports.some((p) => p.name === port.name);
}

/** `80 ("http"), 443` — the ports a Service exposes, for messages. */
function describeServicePorts(ports: readonly Record<string, unknown>[]): string {
  if (ports.length === 0) return 'no ports at all';
  const list = ports.map((p) => {
    const number = typeof p.port === 'number' ? String(p.port) : '?';
    return typeof p.name === 'string' && p.name !== '' ? `${number} ("${p.name}")` : number;
  });
  return `only port(s) ${list.join(', ')}`;
}

export default defineRule({
  meta: {
    id: 'dangling-ingress-backend',
    category: 'networking',
    severity: 'error',
    description: "An Ingress backend whose Service is not in the input, or whose port the Service does not expose.",
    rationale:
      'An ingress controller resolves each backend to a Service in the Ingress namespace and to one of that Service\'s ports, matched by port number or port name. When the Service does not exist or has no such port, the controller has no endpoints for the path and answers every request to it with an error (typically 503).',
  },
  check(ctx) {
    // Operators commonly create Services named after their custom resource (ECK `kibana` →
    // `kibana-kb-http`, Strimzi `my-cluster` → `my-cluster-kafka-bootstrap`).
    const operators = new ConfigProducers(ctx.graph);
    const ingresses = INGRESS_GROUPS.flatMap((g) => ctx.graph.ofKind('Ingress', g)).sort((a, b) => a.index - b.index);
    for (const ing of ingresses) {
      const view = ingressView(ing.object);
      if (!view) continue;
      const namespace = ing.ref.namespace ?? 'default';
      for (const use of view.backends) {
        const backend = use.backend;
        if (backend.type !== 'service') continue; // resource backends are not Services
        const name = backend.serviceName;
        if (name === undefined || name === '') continue; // a schema problem, not a dangling reference
        const services = ctx.graph.getAll({ group: '', kind: 'Service', namespace, name });
        if (services.length === 0) {
          const owner = operators.likelyOperatorOwner(namespace, name);
          ctx.report({
            node: { manifest: ing, path: backend.serviceNamePath },
            message: owner
              ? `${formatRef(ing.ref)} sends ${describeUse(use)} to Service "${name}", which is not in the input in namespace "${namespace}"; if the operator of ${formatRef(owner.ref)} does not create it, the controller has no endpoints for it and answers with an error (typically 503).`
              : `${formatRef(ing.ref)} sends ${describeUse(use)} to Service "${name}", which is not in the input in namespace "${namespace}", so the controller has no endpoints for it and answers with an error (typically 503).`,
            related: owner ? [{ node: { manifest: owner, path: ['metadata', 'name'] }, note: 'custom resource that may own the Service' }] : [],
            severity: owner ? 'warning' : undefined,
          });
          continue;
        }
        const svc = services[0];
        const port = backend.port;
        if (port === undefined) continue;
        // With the same Service written more than once (overlays, copies), any copy exposing the port will do.
        if (services.some((s) => exposes(s, port))) continue;
        const ports = servicePorts(svc);
        const portsPath: JsonPath = ['spec', 'ports'];
        const wanted = port.number !== undefined ? `port ${port.number}` : `port name "${port.name}"`;
        const hint =
          port.number !== undefined && ports.some((p) => p.targetPort === port.number)
            ? ` (${port.number} is a targetPort; an Ingress names the Service port)`
            : port.name !== undefined && /^[0-9]+$/.test(port.name)
              ? ` ("${port.name}" is a string, so it is read as a port name)`
              : '';
        ctx.report({
          node: { manifest: ing, path: backend.portPath },
          message: `${formatRef(ing.ref)} sends ${describeUse(use)} to ${wanted} of ${formatRef(svc.ref)}, which exposes ${describeServicePorts(ports)}${hint}, so the controller cannot route it and answers with an error (typically 503).`,
          related: [{ node: { manifest: svc, path: portsPath }, note: 'Service ports' }],
        });
      }
    }
  },
});
