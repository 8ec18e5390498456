import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { effectiveSecurityContext, isWindowsPod } from '../k8s/security-context.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'privilege-escalation',
    category: 'security',
    severity: 'warning',
    description: 'A container that does not set securityContext.allowPrivilegeEscalation: false.',
    rationale:
      'allowPrivilegeEscalation defaults to true, which leaves the no_new_privs flag off: a setuid binary or a file capability in the image can give a process more privileges than the one that started it, the usual path from a compromised service to root in the container. The Pod Security restricted level requires the field to be false.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      // Windows pods cannot set the field (the API server rejects it) and have no setuid.
      if (isWindowsPod(entry.template)) continue;
      const ref = formatRef(entry.manifest.ref);
      for (const c of entry.containers) {
        const sc = effectiveSecurityContext(entry.template, c);
        const ape = sc.allowPrivilegeEscalation;
        const label = containerLabelStart(c);
        if (ape.value === false) {
          // The API server rejects `false` together with privileged or the literal CAP_SYS_ADMIN.
          if (sc.privileged.value === true && sc.privileged.path) {
            ctx.report({
              node: { manifest: entry.manifest, path: ape.path! },
              message: `${label} of ${ref} sets allowPrivilegeEscalation: false together with privileged: true, so the API server rejects the object: a privileged container can always escalate.`,
              related: [{ node: { manifest: entry.manifest, path: sc.privileged.path }, note: 'privileged: true' }],
              severity: 'error',
            });
            continue;
          }
          const sysAdmin = sc.capabilities.add.find((cap) => cap.name === 'SYS_ADMIN');
          if (!sysAdmin) continue;
          const rejected = sysAdmin.raw === 'CAP_SYS_ADMIN';
          ctx.report({
            node: { manifest: entry.manifest, path: ape.path! },
            message: rejected
              ? `${label} of ${ref} sets allowPrivilegeEscalation: false but adds CAP_SYS_ADMIN, so the API server rejects the object: a container with CAP_SYS_ADMIN can always escalate.`
              : `${label} of ${ref} sets allowPrivilegeEscalation: false but adds ${sysAdmin.raw}, which lets its processes gain privileges anyway (mounts, namespaces, BPF), so the setting protects nothing.`,
            related: [{ node: { manifest: entry.manifest, path: sysAdmin.path }, note: `the ${sysAdmin.raw} capability` }],
            ...(rejected ? { severity: 'error' as const } : {}),
          });
          continue;
        }
        // A privileged container can always escalate and cannot set the field to false:
        // privileged-container reports it.
        if (sc.privileged.value === true) continue;
        if (ape.value === true && ape.path) {
          ctx.report({
            node: { manifest: entry.manifest, path: ape.path },
            message: `${label} of ${ref} sets allowPrivilegeEscalation: true, so a setuid binary or file capability in the image can give its processes more privileges than their parent; set it to false.`,
          });
          continue;
        }
        ctx.report({
          node: { manifest: entry.manifest, path: ape.path ?? [...c.path, 'name'] },
          message: `${label} of ${ref} does not set allowPrivilegeEscalation: false, and it defaults to true, so a setuid binary or file capability in the image can give its processes more privileges than their parent.`,
        });
      }
    }
  },
});
