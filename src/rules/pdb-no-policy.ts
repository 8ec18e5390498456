import { formatRef } from '../findings.js';
import { PDB_GROUP } from '../k8s/disruption-budget.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export default defineRule({
  meta: {
    id: 'pdb-no-policy',
    category: 'reliability',
    severity: 'warning',
    description: 'A policy/v1 PodDisruptionBudget that sets neither minAvailable nor maxUnavailable.',
    rationale:
      'policy/v1 gives no default to a budget without minAvailable or maxUnavailable, and the disruption controller then allows zero disruptions: every eviction of the pods it selects is refused, so node drains, cluster upgrades and autoscaler scale-downs hang on them.',
  },
  check(ctx) {
    for (const pdb of ctx.graph.ofKind('PodDisruptionBudget', PDB_GROUP)) {
      if (pdb.ref.version !== 'v1') continue; // policy/v1beta1 defaulted minAvailable to 1
      const spec = pdb.object.spec;
      if (!isRecord(spec) || isSet(spec.minAvailable) || isSet(spec.maxUnavailable)) continue;
      ctx.report({
        node: { manifest: pdb, path: ['spec'], part: 'key' },
        message: `${formatRef(pdb.ref)} sets neither minAvailable nor maxUnavailable, so the disruption controller allows no eviction of the pods it selects and node drains hang on them; set maxUnavailable (for example 1).`,
      });
    }
  },
});
