import { formatRef } from '../findings.js';
import { defineRule } from './types.js';

const NAMESPACES = [
  {
    field: 'hostNetwork',
    consequence:
      "so its containers share the node's network stack: they can bind any node port, reach services listening on the node's localhost and sniff node traffic, and NetworkPolicy does not isolate them",
  },
  {
    field: 'hostPID',
    consequence:
      'so its containers see every process on the node and, running as root, can signal them or read their environment and memory through /proc',
  },
  {
    field: 'hostIPC',
    consequence:
      "so its containers share the node's System V IPC and POSIX shared memory with every host process and can read or corrupt that memory",
  },
] as const;

export default defineRule({
  meta: {
    id: 'host-namespace',
    category: 'security',
    severity: 'warning',
    description: "A pod that shares the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).",
    rationale:
      "Namespaces are what separates a pod from the node. A pod that joins the node's network, PID or IPC namespace can see and interfere with the node's own services and with every other pod on the node, and the Pod Security Standards forbid it from the baseline level on.",
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const { field, consequence } of NAMESPACES) {
        if (entry.template.spec[field] !== true) continue;
        ctx.report({
          node: { manifest: entry.manifest, path: [...entry.template.specPath, field] },
          message: `${formatRef(entry.manifest.ref)} sets ${field}: true, ${consequence}.`,
        });
      }
    }
  },
});
