import { formatRef } from '../findings.js';
import type { ContainerRef } from '../k8s/pod-template.js';
import { handlersOf, mayHaveProbes, PROBE_FIELDS, probesOf, type ProbeRef } from '../k8s/probes.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord } from '../k8s/values.js';

/** Timing fields: negative values are rejected; zero means "use the default". */
const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export default defineRule({
  meta: {
    id: 'invalid-probe',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: 'A probe the API server rejects: no or several handlers, out-of-range timing, or a probe where none is allowed.',
    rationale:
      'The API server validates probes when the object is created: a probe with no handler or with two, a negative timing value, a successThreshold other than 1 on a liveness or startup probe, a terminationGracePeriodSeconds on a readiness probe, or any probe or lifecycle hook on a regular init container makes the whole object invalid, so the workload is never created or updated.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        if (!mayHaveProbes(c)) {
          forbiddenFields(ctx, entry.manifest, c);
          continue;
        }
        for (const probe of probesOf(c)) checkProbe(ctx, entry.manifest, c, probe);
      }
    }
  },
});

function label(c: ContainerRef): string {
  if (c.kind === 'initContainer') return c.sidecar ? `sidecar container "${c.name}"` : `init container "${c.name}"`;
  if (c.kind === 'ephemeralContainer') return `ephemeral container "${c.name}"`;
  return `container "${c.name}"`;
}

/** Regular init containers and ephemeral containers may carry neither probes nor lifecycle hooks. */
function forbiddenFields(ctx: RuleContext, manifest: Manifest, c: ContainerRef): void {
  for (const field of [...PROBE_FIELDS, 'lifecycle']) {
    const v = c.container[field];
    if (v === undefined || v === null) continue;
    const why =
      c.kind === 'ephemeralContainer'
        ? 'the API server rejects it: it cannot be set for an ephemeral container'
        : 'the API server rejects it: it may not be set for init containers without restartPolicy: Always (a regular init container runs to completion before the app starts)';
    ctx.report({
      node: { manifest, path: [...c.path, field], part: 'key' },
      message: `The ${label(c)} of ${formatRef(manifest.ref)} sets ${field}, and ${why}.`,
    });
  }
}

function checkProbe(ctx: RuleContext, manifest: Manifest, c: ContainerRef, ref: ProbeRef): void {
  const probe = ref.probe;
  if (!isRecord(probe)) return; // a probe of the wrong type is a schema problem
  const where = `The ${ref.field} of ${label(c)} in ${formatRef(manifest.ref)}`;
  const rejects = 'so the API server rejects the object';

  const handlers = handlersOf(probe);
  if (handlers.length === 0) {
    ctx.report({
      node: { manifest, path: ref.path, part: 'key' },
      message: `${where} has no handler (exec, httpGet, tcpSocket or grpc), ${rejects} with "must specify a handler type".`,
    });
  }
  for (const extra of handlers.slice(1)) {
    ctx.report({
      node: { manifest, path: [...ref.path, extra], part: 'key' },
      message: `${where} sets ${extra} as well as ${handlers[0]}, ${rejects} with "may not specify more than 1 handler type".`,
    });
  }

  const exec = probe.exec;
  if (isRecord(exec) && !(Array.isArray(exec.command) && exec.command.length > 0)) {
    ctx.report({
      node: { manifest, path: [...ref.path, 'exec'], part: 'key' },
      message: `${where} has an exec handler without a command, ${rejects} (exec.command is required).`,
    });
  }
  const httpGet = probe.httpGet;
  if (isRecord(httpGet) && typeof httpGet.scheme === 'string' && httpGet.scheme !== '' && httpGet.scheme !== 'HTTP' && httpGet.scheme !== 'HTTPS') {
    ctx.report({
      node: { manifest, path: [...ref.path, 'httpGet', 'scheme'] },
      message: `${where} uses httpGet scheme "${httpGet.scheme}", but only "HTTP" and "HTTPS" (upper case) are supported, ${rejects}.`,
    });
  }

  const mustBeOne = ref.field === 'livenessProbe' || ref.field === 'startupProbe';
  for (const key of NON_NEGATIVE) {
    const v = probe[key];
    if (typeof v !== 'number') continue;
    if (key === 'successThreshold' && mustBeOne) {
      // 0 is defaulted to 1; anything else is rejected.
      if (v !== 0 && v !== 1) {
        ctx.report({
          node: { manifest, path: [...ref.path, key] },
          message: `${where} has successThreshold ${v}, but it must be 1 for liveness and startup probes, ${rejects}.`,
        });
      }
      continue;
    }
    if (v < 0) {
      ctx.report({
        node: { manifest, path: [...ref.path, key] },
        message: `${where} has ${key} ${v}, but it must be greater than or equal to 0, ${rejects}.`,
      });
    }
  }

  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    if (ref.field === 'readinessProbe') {
      ctx.report({
        node: { manifest, path: [...ref.path, 'terminationGracePeriodSeconds'], part: 'key' },
        message: `${where} sets terminationGracePeriodSeconds, which must not be set for readiness probes (a failing readiness probe never kills the container), ${rejects}.`,
      });
    } else if (typeof grace === 'number' && grace <= 0) {
      ctx.report({
        node: { manifest, path: [...ref.path, 'terminationGracePeriodSeconds'] },
        message: `${where} has terminationGracePeriodSeconds ${grace}, but it must be greater than 0, ${rejects}.`,
      });
    }
  }
}
