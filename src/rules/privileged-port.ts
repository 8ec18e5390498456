import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'privileged-port',
    category: 'security',
    severity: 'warning',
    defaultOff: true,
    description: 'A container port below 1024 (off by default).',
    rationale:
      'Binding a port below 1024 traditionally needs root or the NET_BIND_SERVICE capability. Where the container runtime does not lower net.ipv4.ip_unprivileged_port_start, the process has to keep those privileges, which defeats runAsNonRoot and dropping capabilities; listening on a high port and mapping it in the Service avoids it.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      if (entry.template.spec.hostNetwork === true) continue; // host-namespace reports those pods
      for (const c of entry.containers) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((p, i) => {
          if (!isRecord(p) || typeof p.containerPort !== 'number' || p.containerPort < 1 || p.containerPort >= 1024) return;
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'ports', i, 'containerPort'] },
            message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} listens on privileged port ${p.containerPort}, which needs root or NET_BIND_SERVICE on runtimes that keep the default unprivileged port range; listen on a port of 1024 or above and map it in the Service.`,
          });
        });
      }
    }
  },
});
