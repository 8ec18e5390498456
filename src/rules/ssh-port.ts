import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const SSH = 22;
const isTcp = (protocol: unknown): boolean => protocol === undefined || protocol === null || protocol === 'TCP';

export default defineRule({
  meta: {
    id: 'ssh-port',
    category: 'security',
    severity: 'warning',
    description: 'A container or Service that exposes TCP port 22 (SSH).',
    rationale:
      'An SSH server in a container is a second way in, with its own keys or passwords, that bypasses the RBAC and audit log of kubectl exec, and it keeps a shell and sshd in the image for an attacker to use. Containers are debugged with kubectl exec or kubectl debug instead.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((p, i) => {
          if (!isRecord(p) || p.containerPort !== SSH || !isTcp(p.protocol)) return;
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'ports', i, 'containerPort'] },
            message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} exposes port 22, so it likely runs an SSH server: a way in that bypasses the RBAC and audit of kubectl exec.`,
          });
        });
      }
    }
    for (const svc of ctx.graph.ofKind('Service', '')) {
      const spec = svc.object.spec;
      if (!isRecord(spec) || !Array.isArray(spec.ports)) continue;
      spec.ports.forEach((p, i) => {
        if (!isRecord(p) || p.port !== SSH || !isTcp(p.protocol)) return;
        ctx.report({
          node: { manifest: svc, path: ['spec', 'ports', i, 'port'] },
          message: `${formatRef(svc.ref)} exposes port 22 (SSH), a way into its pods that bypasses the RBAC and audit of kubectl exec.`,
        });
      });
    }
  },
});
