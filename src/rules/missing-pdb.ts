import { formatRef } from '../findings.js';
import { PDB_GROUP, pdbSelection } from '../k8s/disruption-budget.js';
import { minimumReplicas } from '../k8s/replicas.js';
import { matchesSelector } from '../k8s/selector.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'missing-pdb',
    category: 'reliability',
    severity: 'info',
    description: 'A Deployment or StatefulSet with two or more replicas that no PodDisruptionBudget in the input covers.',
    rationale:
      'Node drains (upgrades, autoscaler scale-down, maintenance) evict pods through the eviction API, which only holds back when a PodDisruptionBudget says how many pods must stay. Without one, a drain can evict every replica of a workload at once and take it offline, even though it runs several replicas for availability.',
  },
  check(ctx) {
    const pdbs = ctx.graph.ofKind('PodDisruptionBudget', PDB_GROUP);
    for (const entry of ctx.graph.podTemplates()) {
      const kind = entry.manifest.ref.kind;
      if (kind !== 'Deployment' && kind !== 'StatefulSet') continue;
      const replicas = minimumReplicas(ctx.graph, entry.manifest);
      if (!replicas || replicas.count < 2) continue;
      const covered = pdbs.some((pdb) => {
        if ((pdb.ref.namespace ?? 'default') !== entry.namespace) return false;
        const selection = pdbSelection(pdb);
        return selection.kind === 'all' || selection.kind === 'invalid' || (selection.kind === 'selector' && matchesSelector(selection.selector, entry.labels));
      });
      if (covered) continue;
      const how = replicas.source === 'hpa' ? `at least ${replicas.count} replicas (HorizontalPodAutoscaler minReplicas)` : `${replicas.count} replicas`;
      ctx.report({
        node: { manifest: entry.manifest, path: ['metadata', 'name'] },
        message: `${formatRef(entry.manifest.ref)} runs ${how} but no PodDisruptionBudget in namespace "${entry.namespace}" selects its pods, so a node drain may evict all of them at once.`,
      });
    }
  },
});
