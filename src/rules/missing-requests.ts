import { formatRef } from '../findings.js';
import { isSet, resourceListsOf, resourcesPointer } from '../k8s/container-resources.js';
import { containerDefaultsLookup } from '../k8s/limit-range.js';
import { defineRule } from './types.js';

const RESOURCES = ['cpu', 'memory'] as const;

export default defineRule({
  meta: {
    id: 'missing-requests',
    category: 'resources',
    severity: 'warning',
    description: 'A container without a cpu or memory request (a limit counts as a request).',
    rationale:
      'The scheduler places pods by their requests. A container without requests is scheduled as if it needed nothing, so its pod can land on a node that is already full; a pod without any request is BestEffort and the first to be evicted when the node runs short of memory.',
  },
  check(ctx) {
    const defaultsIn = containerDefaultsLookup(ctx.graph.ofKind('LimitRange', ''));

    for (const entry of ctx.graph.podTemplates()) {
      const pod = resourceListsOf(entry.template.spec);
      const defaults = defaultsIn(entry.manifest);
      for (const c of entry.containers) {
        if (c.kind !== 'container' && !c.sidecar) continue;
        const lists = resourceListsOf(c.container);
        const missing = RESOURCES.filter(
          (r) =>
            !isSet(lists.requests, r) &&
            !isSet(lists.limits, r) && // the API server copies a limit into a missing request
            !isSet(pod.requests, r) && // pod-level resources cover every container
            !isSet(pod.limits, r) &&
            !defaults.requests.has(r), // a LimitRange of the namespace fills it in at admission
        );
        if (missing.length === 0) continue;
        const what = missing.length === 2 ? 'cpu and memory requests' : `${missing[0]} request`;
        const node = resourcesPointer(lists, c.path, 'requests', [...c.path, 'name']);
        ctx.report({
          node: { manifest: entry.manifest, ...node },
          message: `Container "${c.name}" of ${formatRef(entry.manifest.ref)} has no ${what}, so the scheduler places its pods as if they needed no ${missing.join(' or ')} and they are among the first evicted under node pressure.`,
        });
      }
    }
  },
});
