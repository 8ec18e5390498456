import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import type { ContainerRef } from '../k8s/pod-template.js';
import { effectiveSecurityContext, usesUserNamespace, type SecuritySetting } from '../k8s/security-context.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RelatedNode } from './types.js';

/**
 * Where a finding about a setting goes: at the setting when the container itself writes it;
 * otherwise at the container's name (so a comment above the container suppresses it), with the
 * pod-level setting as a related location.
 */
function placement(
  manifest: Manifest,
  c: ContainerRef,
  s: SecuritySetting<unknown>,
): { path: JsonPath; related: RelatedNode[]; verb: string; where: string } {
  if (s.from !== 'pod' || !s.path) return { path: s.path ?? [...c.path, 'name'], related: [], verb: 'sets', where: '' };
  return {
    path: [...c.path, 'name'],
    related: [{ node: { manifest, path: s.path }, note: 'set in the pod securityContext' }],
    verb: 'inherits',
    where: ' from the pod securityContext',
  };
}

export default defineRule({
  meta: {
    id: 'run-as-root',
    category: 'security',
    severity: 'warning',
    description: 'A container that may run as root: no runAsNonRoot: true and no non-zero runAsUser.',
    rationale:
      'A process running as UID 0 owns every file in the container, can install tools and, together with a writable host mount, a kernel bug or an added capability, turns a break-in into control of the node. Most images run as root unless told otherwise; runAsNonRoot: true makes the kubelet refuse to start such an image, and runAsUser picks a non-root UID whatever the image says.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      // In a user namespace UID 0 maps to an unprivileged UID on the node.
      if (usesUserNamespace(entry.template)) continue;
      const manifest = entry.manifest;
      const ref = formatRef(manifest.ref);
      for (const c of entry.containers) {
        const sc = effectiveSecurityContext(entry.template, c);
        const label = containerLabelStart(c);
        const user = sc.runAsUser;
        const nonRoot = sc.runAsNonRoot;
        if (user.value === 0) {
          const at = placement(manifest, c, user);
          const message =
            nonRoot.value === true
              ? `${label} of ${ref} ${at.verb} runAsUser: 0${at.where} while runAsNonRoot is true, so the kubelet refuses to start it (CreateContainerConfigError).`
              : `${label} of ${ref} ${at.verb} runAsUser: 0${at.where}, so it runs as root: a process that breaks into it owns the container and is one kernel bug or host mount away from the node.`;
          ctx.report({ node: { manifest, path: at.path }, message, related: at.related });
          continue;
        }
        if (user.value !== undefined && user.value > 0) continue;
        if (nonRoot.value === true) continue;
        if (nonRoot.value === false) {
          const at = placement(manifest, c, nonRoot);
          ctx.report({
            node: { manifest, path: at.path },
            message: `${label} of ${ref} ${at.verb} runAsNonRoot: false${at.where} and has no non-zero runAsUser, so it runs as root whenever its image does.`,
            related: at.related,
          });
          continue;
        }
        ctx.report({
          node: { manifest, path: [...c.path, 'name'] },
          message: `${label} of ${ref} sets neither runAsNonRoot: true nor a non-zero runAsUser, so it runs as whatever user its image declares, which is root for most images.`,
        });
      }
    }
  },
});
