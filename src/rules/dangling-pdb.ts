import { formatRef } from '../findings.js';
import { PDB_GROUP, pdbSelection } from '../k8s/disruption-budget.js';
import { customResourcesSelected } from '../k8s/operator-pods.js';
import { formatSelector, type Selector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const EVERYTHING: Selector = { matchLabels: {}, matchExpressions: [] };

export default defineRule({
  meta: {
    id: 'dangling-pdb',
    category: 'reliability',
    severity: 'warning',
    description: 'A PodDisruptionBudget whose selector matches no pod template in its namespace.',
    rationale:
      'The disruption controller only counts pods in the budget namespace whose labels match its selector. A budget that selects nothing (a label typo, the wrong namespace, a missing selector, or an empty selector in policy/v1beta1) protects no pod: node drains and cluster upgrades may evict every replica of the application at once.',
  },
  check(ctx) {
    for (const pdb of ctx.graph.ofKind('PodDisruptionBudget', PDB_GROUP)) {
      if (!isRecord(pdb.object.spec)) continue; // malformed: schema validation reports it
      const namespace = pdb.ref.namespace ?? 'default';
      const name = formatRef(pdb.ref);
      const node = { manifest: pdb, path: ['spec', 'selector'] };
      const selection = pdbSelection(pdb);
      switch (selection.kind) {
        case 'invalid':
          continue; // schema validation reports it
        case 'none':
          ctx.report({
            node,
            message:
              selection.reason === 'missing'
                ? `${name} has no spec.selector, so it selects no pods and protects nothing from eviction.`
                : `${name} has an empty selector, which in policy/v1beta1 selects no pods, so it protects nothing from eviction (in policy/v1 an empty selector selects every pod of the namespace).`,
          });
          continue;
        case 'all':
          if (ctx.graph.selectPodTemplates(namespace, EVERYTHING).length > 0) continue;
          if (customResourcesSelected(ctx.graph, namespace, EVERYTHING).length > 0) continue;
          ctx.report({
            node,
            message: `${name} has an empty selector, which selects every pod of namespace "${namespace}", but the input has no pod template in that namespace, so the budget protects nothing.`,
          });
          continue;
        case 'selector': {
          const { selector } = selection;
          if (ctx.graph.selectPodTemplates(namespace, selector).length > 0) continue;
          if (customResourcesSelected(ctx.graph, namespace, selector).length > 0) continue;
          ctx.report({
            node,
            message: `${name} selects ${formatSelector(selector)}, but no pod template in namespace "${namespace}" has these labels, so the budget protects no pod and drains may evict every replica at once.`,
          });
        }
      }
    }
  },
});
