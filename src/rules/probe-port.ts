import { formatRef } from '../findings.js';
import { portName } from '../k8s/names.js';
import {
  containerPortNumbers,
  mayHaveProbes,
  mentionsPort,
  namedPortsOf,
  probeFailureConsequence,
  probesOf,
  type ProbeField,
} from '../k8s/probes.js';
import type { ContainerRef } from '../k8s/pod-template.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord } from '../k8s/values.js';

const containerLabel = (c: ContainerRef): string =>
  c.kind === 'initContainer' ? `sidecar container "${c.name}"` : `container "${c.name}"`;

export default defineRule({
  meta: {
    id: 'probe-port',
    category: 'reliability',
    severity: 'error',
    description: 'A probe port that is not a valid port, or names a port its own container does not declare.',
    rationale:
      'The kubelet resolves a named probe port against the ports of the probed container only. An unknown name, or a port nothing listens on, makes the probe fail every time: a liveness probe restarts the container forever, a readiness probe keeps it out of every Service. Port strings that are not valid port names, numbers outside 1-65535 and named gRPC ports are rejected by the API server.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      // Pod-wide numeric ports: a number declared by a sibling container is reachable in the
      // shared network namespace, so it is not reported.
      const podPorts = new Set<number>();
      for (const c of entry.containers) for (const p of containerPortNumbers(c.container)) podPorts.add(p);
      for (const c of entry.containers) {
        if (!mayHaveProbes(c)) continue; // invalid-probe reports probes on these
        const siblings = entry.containers.filter((o) => o !== c && o.kind !== 'ephemeralContainer');
        for (const probe of probesOf(c)) {
          if (!isRecord(probe.probe)) continue;
          for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
            const action = probe.probe[handler];
            if (!isRecord(action)) continue;
            // A probe with its own `host` targets another machine, whose ports the pod does not declare.
            const remote = typeof action.host === 'string' && action.host !== '';
            checkPort(ctx, entry.manifest, c, siblings, probe.field, handler, action.port, [...probe.path, handler], remote ? null : podPorts);
          }
        }
      }
    }
  },
});

function checkPort(
  ctx: RuleContext,
  manifest: Manifest,
  c: ContainerRef,
  siblings: readonly ContainerRef[],
  field: ProbeField,
  handler: 'httpGet' | 'tcpSocket' | 'grpc',
  port: unknown,
  handlerPath: JsonPath,
  /** Ports declared in the pod; null when the probe targets another host. */
  podPorts: ReadonlySet<number> | null,
): void {
  const where = `${field} ${handler} of ${containerLabel(c)} in ${formatRef(manifest.ref)}`;
  const portPath = [...handlerPath, 'port'];
  if (port === undefined || port === null) {
    ctx.report({
      node: { manifest, path: handlerPath, part: 'key' },
      message: `The ${where} has no port, and the API server rejects a probe without one (a number 1-65535${handler === 'grpc' ? '' : ' or a port name'}).`,
    });
    return;
  }
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      ctx.report({
        node: { manifest, path: portPath },
        message: `The ${where} uses port ${port}, which the API server rejects: a port number must be between 1 and 65535.`,
      });
      return;
    }
    const own = containerPortNumbers(c.container);
    if (podPorts !== null && own.size > 0 && !own.has(port) && !podPorts.has(port) && !mentionsPort(c.container, port)) {
      ctx.report({
        node: { manifest, path: portPath },
        severity: 'warning',
        message: `The ${where} uses port ${port}, which is not a containerPort of that container (it declares ${[...own].join(', ')}) nor of any other container of the pod, and its command, args and env do not mention it; if nothing listens there, ${probeFailureConsequence(field).replace(/^so /, '')}.`,
      });
    }
    return;
  }
  if (typeof port !== 'string') {
    ctx.report({
      node: { manifest, path: portPath },
      message: `The ${where} has a port that is neither a number nor a port name, and the API server rejects it.`,
    });
    return;
  }
  if (handler === 'grpc') {
    ctx.report({
      node: { manifest, path: portPath },
      message: `The ${where} uses port "${port}", but a gRPC probe port must be a number (port names are not resolved), so the API server rejects it.`,
    });
    return;
  }
  if (/^[0-9]+$/.test(port)) {
    ctx.report({
      node: { manifest, path: portPath },
      message: `The ${where} uses the string "${port}", which Kubernetes reads as a port name, and a port name needs a letter, so the API server rejects it; write the number ${Number(port)} without quotes.`,
    });
    return;
  }
  const problems = portName(port);
  if (problems.length > 0) {
    ctx.report({
      node: { manifest, path: portPath },
      message: `The ${where} uses port name "${port}", which is not a valid port name (${problems.join('; ')}), so the API server rejects it.`,
    });
    return;
  }
  const named = namedPortsOf(c.container);
  if (named.has(port)) return;
  const known = [...named.keys()];
  const owner = siblings.find((o) => namedPortsOf(o.container).has(port));
  const detail = owner
    ? `only container "${owner.name}" declares it, and the kubelet resolves probe port names against the probed container alone`
    : known.length > 0
      ? `it names ${known.map((n) => `"${n}"`).join(', ')}`
      : 'it declares no named ports';
  ctx.report({
    node: { manifest, path: portPath },
    message: `The ${where} uses port name "${port}", which is not a ports[].name of that container (${detail}), ${probeFailureConsequence(field)}.`,
  });
}
