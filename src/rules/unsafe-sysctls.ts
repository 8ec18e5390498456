import { formatRef } from '../findings.js';
import { safeSysctls } from '../k8s/pod-security.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    category: 'security',
    severity: 'warning',
    description: 'A pod that sets a sysctl outside the kubelet\'s safe set.',
    rationale:
      'The kubelet accepts only a small set of namespaced, safe sysctls by default. A pod that sets another one is rejected on every node whose kubelet does not list it in --allowed-unsafe-sysctls (status SysctlForbidden), and where it is allowed it can change kernel behaviour for other pods on the node or exhaust shared kernel resources.',
  },
  check(ctx) {
    const minor = Number(/^1\.(\d+)$/.exec(ctx.run.kubernetesVersion)?.[1] ?? Number.POSITIVE_INFINITY);
    const safe = safeSysctls(minor);
    for (const entry of ctx.graph.podTemplates()) {
      const sc = entry.template.spec.securityContext;
      if (!isRecord(sc) || !Array.isArray(sc.sysctls)) continue;
      sc.sysctls.forEach((s, i) => {
        if (!isRecord(s) || typeof s.name !== 'string' || s.name === '' || safe.has(s.name)) return;
        ctx.report({
          node: { manifest: entry.manifest, path: [...entry.template.specPath, 'securityContext', 'sysctls', i, 'name'] },
          message: `${formatRef(entry.manifest.ref)} sets the unsafe sysctl "${s.name}", so its pods are rejected with SysctlForbidden on every node whose kubelet does not allow it, and where allowed it can affect other pods on the node.`,
        });
      });
    }
  },
});
