import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { isSet, resourceListsOf, resourcesPointer } from '../k8s/container-resources.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-ephemeral-storage-limit',
    category: 'resources',
    severity: 'warning',
    defaultOff: true,
    description: 'A container without an ephemeral-storage limit (off by default).',
    rationale:
      'Logs, emptyDir volumes and the container\'s writable layer use the node\'s disk. Without an ephemeral-storage limit one container can fill that disk; the kubelet then evicts pods under DiskPressure, often other workloads than the culprit. With a limit, only the container that exceeds it is evicted.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        if (c.kind === 'ephemeralContainer') continue; // ephemeral containers may not set resources
        const lists = resourceListsOf(c.container);
        if (isSet(lists.limits, 'ephemeral-storage')) continue;
        const pointer = resourcesPointer(lists, c.path, 'limits', [...c.path, 'name']);
        ctx.report({
          node: { manifest: entry.manifest, ...pointer },
          message: `${containerLabelStart(c)} of ${formatRef(entry.manifest.ref)} has no ephemeral-storage limit, so its logs, emptyDir volumes and writable layer can fill the node's disk and get other pods evicted.`,
        });
      }
    }
  },
});
