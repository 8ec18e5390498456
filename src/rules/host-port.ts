import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'host-port',
    category: 'security',
    severity: 'warning',
    description: 'A container port with a hostPort.',
    rationale:
      "A hostPort opens the port on the node's own address and forwards it to the pod, bypassing Services and most NetworkPolicy setups. Only one pod per node can hold a given hostPort, so replicas beyond the number of nodes stay Pending, and rolling updates can deadlock when the new pod cannot land next to the old one.",
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      // hostNetwork pods listen on the node anyway (their hostPort must equal containerPort):
      // host-namespace reports hostNetwork itself.
      if (entry.template.spec.hostNetwork === true) continue;
      for (const c of entry.containers) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((p, i) => {
          if (typeof p !== 'object' || p === null || Array.isArray(p)) return;
          const hostPort = (p as Record<string, unknown>).hostPort;
          if (typeof hostPort !== 'number' || hostPort === 0) return;
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'ports', i, 'hostPort'] },
            message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} binds host port ${hostPort}, so the port is open on the node's address outside any Service and only one such pod can run on each node.`,
          });
        });
      }
    }
  },
});
