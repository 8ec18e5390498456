import { formatRef } from '../findings.js';
import { isSet, resourceListsOf, resourcesPointer } from '../k8s/container-resources.js';
import { containerDefaultsLookup } from '../k8s/limit-range.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-memory-limit',
    category: 'resources',
    severity: 'warning',
    description: 'A container without a memory limit.',
    rationale:
      'Without a memory limit a container may use all the memory of its node. One leaking container then pushes the node into memory pressure, and the kernel OOM killer or the kubelet kills neighbouring containers that stayed within their requests.',
  },
  check(ctx) {
    const defaultsIn = containerDefaultsLookup(ctx.graph.ofKind('LimitRange', ''));

    for (const entry of ctx.graph.podTemplates()) {
      // A pod-level memory limit caps the whole pod; a LimitRange default applies at admission.
      if (isSet(resourceListsOf(entry.template.spec).limits, 'memory')) continue;
      if (defaultsIn(entry.manifest).limits.has('memory')) continue;
      for (const c of entry.containers) {
        if (c.kind !== 'container' && !c.sidecar) continue;
        const lists = resourceListsOf(c.container);
        if (isSet(lists.limits, 'memory')) continue;
        const node = resourcesPointer(lists, c.path, 'limits', [...c.path, 'name']);
        ctx.report({
          node: { manifest: entry.manifest, ...node },
          message: `Container "${c.name}" of ${formatRef(entry.manifest.ref)} has no memory limit, so it can use all the memory of its node and get neighbouring containers OOM-killed.`,
        });
      }
    }
  },
});
