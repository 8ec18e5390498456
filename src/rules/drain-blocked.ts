import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'drain-blocked',
  category: 'reliability',
  severity: 'warning',
  description: 'A node drain that PodDisruptionBudgets would block forever.',
  rationale:
    "kubectl drain, the cluster autoscaler and managed node upgrades evict pods through the eviction API, which refuses while a pod's disruption budget allows no disruption. A budget that allows none with every pod healthy, or whose evicted pods cannot be rescheduled elsewhere, blocks the drain of every node running those pods: node maintenance and cluster upgrades stall.",
});
