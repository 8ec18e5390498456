/**
 * Facts about the node list that let plugins skip work for every pod: computed once per node array
 * (nodes do not change during a simulation; pods do).
 */
import type { SimNode } from '../model.js';

export interface ClusterFacts {
  anyUnschedulable: boolean;
  /** Some node has a NoSchedule or NoExecute taint. */
  anySchedulingTaint: boolean;
  anyPreferNoScheduleTaint: boolean;
}

const cache = new WeakMap<readonly SimNode[], ClusterFacts>();

export function clusterFacts(nodes: readonly SimNode[]): ClusterFacts {
  let facts = cache.get(nodes);
  if (!facts) {
    facts = { anyUnschedulable: false, anySchedulingTaint: false, anyPreferNoScheduleTaint: false };
    for (const node of nodes) {
      if (node.unschedulable) facts.anyUnschedulable = true;
      for (const t of node.taints) {
        if (t.effect === 'PreferNoSchedule') facts.anyPreferNoScheduleTaint = true;
        else facts.anySchedulingTaint = true;
      }
    }
    cache.set(nodes, facts);
  }
  return facts;
}
