import { formatRef } from '../findings.js';
import { PDB_GROUP } from '../k8s/disruption-budget.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'pdb-unhealthy-eviction-policy',
    category: 'reliability',
    severity: 'info',
    defaultOff: true,
    description: 'A PodDisruptionBudget that does not set unhealthyPodEvictionPolicy (off by default).',
    rationale:
      'With the default policy IfHealthyBudget, a pod that is running but not ready (crash-looping, stuck) can only be evicted while the budget has room. When the budget is already used up by such pods, they can never be evicted and node drains hang on them. AlwaysAllow lets drains remove unhealthy pods, which cannot be serving anyway.',
  },
  check(ctx) {
    for (const pdb of ctx.graph.ofKind('PodDisruptionBudget', PDB_GROUP)) {
      const spec = pdb.object.spec;
      if (!isRecord(spec) || (spec.unhealthyPodEvictionPolicy !== undefined && spec.unhealthyPodEvictionPolicy !== null)) continue;
      ctx.report({
        node: { manifest: pdb, path: ['spec'], part: 'key' },
        message: `${formatRef(pdb.ref)} does not set unhealthyPodEvictionPolicy, so pods that run but are not ready count against the budget and can block node drains; set it to AlwaysAllow.`,
      });
    }
  },
});
