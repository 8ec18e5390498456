import { formatRef } from '../findings.js';
import { portName } from '../k8s/names.js';
import type { ContainerRef } from '../k8s/pod-template.js';
import { isEmptySelector, selectorFromMap } from '../k8s/selector.js';
import type { PodTemplateEntry } from '../resolver/graph.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule } from './types.js';
import { isRecord } from '../k8s/values.js';

interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
  protocol: string;
  container: string;
}

/**
 * Ports the endpoints controller looks at when it resolves a named targetPort: those of regular
 * containers and of sidecars (init containers with `restartPolicy: Always`), not of ordinary init
 * or ephemeral containers.
 */
function servingContainers(entry: PodTemplateEntry): ContainerRef[] {
  return entry.containers.filter((c) => c.kind === 'container' || c.sidecar);
}

function declaredPorts(entries: readonly PodTemplateEntry[]): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const entry of entries)
    for (const c of servingContainers(entry)) {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) continue;
      for (const p of ports) {
        if (!isRecord(p)) continue;
        out.push({
          name: typeof p.name === 'string' && p.name !== '' ? p.name : undefined,
          number: typeof p.containerPort === 'number' && Number.isInteger(p.containerPort) ? p.containerPort : undefined,
          protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP',
          container: c.name,
        });
      }
    }
  return out;
}

/**
 * Whether a selected container shows it listens on `port` without declaring it: a probe on that
 * port, or the number as a token of its command, args or env values (`--metrics-bind-address=:8443`).
 */
function listensUndeclared(entries: readonly PodTemplateEntry[], port: number): boolean {
  const token = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  for (const entry of entries)
    for (const c of servingContainers(entry)) {
      const k = c.container;
      for (const probe of [k.livenessProbe, k.readinessProbe, k.startupProbe]) {
        if (!isRecord(probe)) continue;
        for (const handler of [probe.httpGet, probe.tcpSocket, probe.grpc])
          if (isRecord(handler) && handler.port === port) return true;
      }
      const words: unknown[] = [];
      if (Array.isArray(k.command)) words.push(...k.command);
      if (Array.isArray(k.args)) words.push(...k.args);
      if (Array.isArray(k.env)) for (const e of k.env) if (isRecord(e)) words.push(e.value);
      if (words.some((w) => (typeof w === 'string' || typeof w === 'number') && token.test(String(w)))) return true;
    }
  return false;
}

/** `port "http" (80/TCP)` or `port 80/TCP` — how messages name a Service port. */
function describeServicePort(p: Record<string, unknown>, protocol: string): string {
  const number = typeof p.port === 'number' ? String(p.port) : '?';
  return typeof p.name === 'string' && p.name !== '' ? `port "${p.name}" (${number}/${protocol})` : `port ${number}/${protocol}`;
}

function listNumbers(ports: readonly DeclaredPort[]): string {
  const numbers = [...new Set(ports.map((p) => p.number).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  return numbers.join(', ');
}

export default defineRule({
  meta: {
    id: 'service-target-port',
    category: 'networking',
    severity: 'error',
    description: "A Service port whose targetPort names or numbers no port of the containers the Service selects.",
    rationale:
      'The endpoints controller resolves a named targetPort in each selected pod by looking for a container port with that name and protocol; a pod without one contributes no endpoint, so traffic to that Service port fails. A numeric targetPort is used as is, but when the containers declare their ports and none is the target, the Service most likely sends traffic to a port nothing listens on.',
  },
  check(ctx) {
    for (const svc of ctx.graph.ofKind('Service', '')) {
      const spec = svc.object.spec;
      if (!isRecord(spec) || spec.type === 'ExternalName') continue;
      const selector = selectorFromMap(spec.selector);
      if (isEmptySelector(selector)) continue; // selector-less Services use manual Endpoints
      const selected = ctx.graph.selectPodTemplates(svc.ref.namespace ?? 'default', selector);
      if (selected.length === 0) continue; // dangling-service reports this
      if (!Array.isArray(spec.ports)) continue;
      const declared = declaredPorts(selected);
      const first = selected[0].manifest;
      const related = [{ node: { manifest: first, path: ['metadata', 'name'] as JsonPath }, note: 'selected workload' }];
      const workloads = selected.length === 1 ? formatRef(first.ref) : `${formatRef(first.ref)} and ${selected.length - 1} other workload(s)`;

      spec.ports.forEach((p, i) => {
        if (!isRecord(p)) return;
        const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
        // targetPort defaults to port when unset, 0 or "".
        const explicit = p.targetPort !== undefined && p.targetPort !== null && p.targetPort !== 0 && p.targetPort !== '';
        if (!explicit && typeof p.port !== 'number') return; // a malformed port is a schema problem
        const target = explicit ? p.targetPort : p.port;
        const path: JsonPath = ['spec', 'ports', i, explicit ? 'targetPort' : 'port'];
        const portText = describeServicePort(p, protocol);

        if (typeof target === 'string') {
          if (/^[0-9]+$/.test(target)) {
            ctx.report({
              node: { manifest: svc, path },
              message: `${formatRef(svc.ref)} ${portText} has targetPort "${target}" as a string, which Kubernetes reads as a port name that no container can declare (port names need a letter), so the Service gets no endpoints for this port; write it as the number ${Number(target)}.`,
              related,
            });
            return;
          }
          // Names that are not IANA service names (templating placeholders such as "PORT" or
          // "${PORT}" included) make the API server reject the Service: validation's concern.
          if (portName(target).length > 0) return;
          if (declared.some((d) => d.name === target && d.protocol === protocol)) return;
          const otherProtocol = declared.find((d) => d.name === target);
          const why = otherProtocol
            ? `only container "${otherProtocol.container}" declares it, with protocol ${otherProtocol.protocol}`
            : `no container of ${workloads} declares a ${protocol} port with that name`;
          ctx.report({
            node: { manifest: svc, path },
            message: `${formatRef(svc.ref)} ${portText} targets container port "${target}", but ${why}, so the selected pods contribute no endpoint for this port and traffic to it fails.`,
            related,
          });
          return;
        }

        if (typeof target !== 'number' || !Number.isInteger(target)) return;
        const numbered = declared.filter((d) => d.number !== undefined);
        if (numbered.length === 0) return; // declaring container ports is optional
        if (numbered.some((d) => d.number === target)) return;
        if (listensUndeclared(selected, target)) return;
        ctx.report({
          node: { manifest: svc, path },
          message: `${formatRef(svc.ref)} ${portText} sends traffic to container port ${target}, but the containers of ${workloads} declare only port(s) ${listNumbers(numbered)}, so connections fail unless the process also listens on ${target}.`,
          related,
          severity: 'warning',
        });
      });
    }
  },
});
