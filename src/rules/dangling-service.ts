import { formatRef } from '../findings.js';
import { formatSelector, isEmptySelector, selectorFromMap } from '../k8s/selector.js';
import { customResourcesSelected } from '../k8s/operator-pods.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'dangling-service',
    category: 'networking',
    severity: 'warning',
    description: 'A Service with a selector that matches no pod template in the input.',
    rationale:
      'The endpoints controller only adds pods whose labels match the selector, in the Service namespace. When no workload carries those labels the Service has no endpoints and every connection to it fails.',
  },
  check(ctx) {
    for (const svc of ctx.graph.ofKind('Service', '')) {
      const spec = svc.object.spec as Record<string, unknown> | undefined;
      if (!spec || typeof spec !== 'object' || spec.type === 'ExternalName') continue;
      const selector = selectorFromMap(spec.selector);
      if (isEmptySelector(selector)) continue; // selector-less Services use manual Endpoints
      const matches = ctx.graph.selectPodTemplates(svc.ref.namespace ?? 'default', selector);
      if (matches.length > 0) continue;
      // Pods made by an operator from a custom resource (Prometheus, Alertmanager…) carry its labels.
      if (customResourcesSelected(ctx.graph, svc.ref.namespace ?? 'default', selector).length > 0) continue;
      ctx.report({
        node: { manifest: svc, path: ['spec', 'selector'] },
        message: `${formatRef(svc.ref)} selects ${formatSelector(selector)}, but no pod template in namespace "${svc.ref.namespace}" has these labels, so the Service gets no endpoints.`,
      });
    }
  },
});
