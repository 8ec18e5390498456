import { formatRef } from '../findings.js';
import { BASELINE_CAPABILITIES } from '../k8s/pod-security.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

/** `cap_sys_admin` → `SYS_ADMIN`: runtimes upper-case names and accept the `CAP_` prefix. */
function normalize(cap: string): string {
  const upper = cap.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export default defineRule({
  meta: {
    id: 'dangerous-capabilities',
    category: 'security',
    severity: 'warning',
    description: 'A container that adds a Linux capability beyond the runtime default set, or ALL.',
    rationale:
      'Container runtimes grant a small default set of capabilities. Adding others (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, NET_RAW, SYS_MODULE…) or ALL gives a process in the container kernel powers that reach past the container: reconfiguring the node network, tracing other processes, loading modules, or escaping to the host. The Pod Security baseline level rejects such pods.',
    // In a Namespace that enforces baseline or restricted, the admission error says it all.
    supersededBy: ['pod-security'],
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const sc = c.container.securityContext;
        if (!isRecord(sc) || !isRecord(sc.capabilities) || !Array.isArray(sc.capabilities.add)) continue;
        sc.capabilities.add.forEach((cap, i) => {
          if (typeof cap !== 'string' || cap.trim() === '') return;
          const name = normalize(cap);
          if (BASELINE_CAPABILITIES.has(name)) return;
          const what =
            name === 'ALL'
              ? "adds ALL capabilities, so any process in it, an attacker's included, holds every privilege root has, enough to take over the node"
              : `adds capability ${name}, which the runtime does not grant by default, so any process in it, an attacker's included, holds that kernel privilege`;
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'securityContext', 'capabilities', 'add', i] },
            message: `Container "${c.name}" of ${formatRef(entry.manifest.ref)} ${what}; the Pod Security baseline level rejects it.`,
          });
        });
      }
    }
  },
});
