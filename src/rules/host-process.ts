import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const hostProcess = (sc: unknown): boolean => isRecord(sc) && isRecord(sc.windowsOptions) && sc.windowsOptions.hostProcess === true;

export default defineRule({
  meta: {
    id: 'host-process',
    category: 'security',
    severity: 'warning',
    description: 'A Windows pod or container that runs as a HostProcess (windowsOptions.hostProcess: true).',
    rationale:
      'A Windows HostProcess container runs directly on the node, in the host\'s network and process namespaces and with access to its filesystem, as a node-level user: it is the Windows equivalent of a privileged container, and a compromise of it is a compromise of the node. The Pod Security baseline level forbids it.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const ref = formatRef(entry.manifest.ref);
      if (hostProcess(entry.template.spec.securityContext)) {
        ctx.report({
          node: { manifest: entry.manifest, path: [...entry.template.specPath, 'securityContext', 'windowsOptions', 'hostProcess'] },
          message: `${ref} runs its containers as Windows HostProcess containers, directly on the node with its network, processes and files, so a compromise of the pod is a compromise of the node.`,
        });
        continue;
      }
      for (const c of entry.containers) {
        if (!hostProcess(c.container.securityContext)) continue;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'securityContext', 'windowsOptions', 'hostProcess'] },
          message: `${containerLabelStart(c)} of ${ref} runs as a Windows HostProcess container, directly on the node with its network, processes and files, so a compromise of it is a compromise of the node.`,
        });
      }
    }
  },
});
