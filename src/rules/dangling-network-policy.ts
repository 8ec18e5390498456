import { formatRef } from '../findings.js';
import { customResourcesSelected } from '../k8s/operator-pods.js';
import { formatSelector, isEmptySelector, parseLabelSelector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

/** API groups that served NetworkPolicy: networking.k8s.io/v1 and the old extensions/v1beta1. */
const GROUPS = new Set(['networking.k8s.io', 'extensions']);

export default defineRule({
  meta: {
    id: 'dangling-network-policy',
    category: 'networking',
    severity: 'warning',
    description: 'A NetworkPolicy whose podSelector matches no pod template in its namespace.',
    rationale:
      'A NetworkPolicy applies only to pods in its own namespace whose labels match spec.podSelector. When no workload carries those labels (a label typo, the policy in the wrong namespace), the policy isolates nothing: the pods it was written for accept and send traffic the policy meant to block.',
  },
  check(ctx) {
    for (const np of ctx.graph.ofKind('NetworkPolicy')) {
      if (!GROUPS.has(np.ref.group)) continue;
      const spec = np.object.spec;
      if (!isRecord(spec)) continue;
      const parsed = parseLabelSelector(spec.podSelector); // missing = {} (not a pointer in the API)
      if (!parsed.ok) continue; // schema validation reports it
      const { selector } = parsed;
      const namespace = np.ref.namespace ?? 'default';
      if (ctx.graph.selectPodTemplates(namespace, selector).length > 0) continue;
      if (customResourcesSelected(ctx.graph, namespace, selector).length > 0) continue; // operator-made pods
      const name = formatRef(np.ref);
      ctx.report({
        node: { manifest: np, path: ['spec', 'podSelector'] },
        message: isEmptySelector(selector)
          ? `${name} selects every pod of namespace "${namespace}", but the input has no pod template in that namespace, so the policy applies to nothing (is it in the wrong namespace?).`
          : `${name} selects ${formatSelector(selector)}, but no pod template in namespace "${namespace}" has these labels, so the policy isolates no pod and the traffic it should restrict is left open.`,
      });
    }
  },
});
