import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'quota-exceeded',
  category: 'resources',
  severity: 'error',
  description: 'A workload whose pods a ResourceQuota of their namespace would reject (how many of how many).',
  rationale:
    "ResourceQuota admission rejects a pod that would push the namespace's usage over a hard limit, or that does not set a request or limit the quota tracks. The controller then reports FailedCreate and keeps retrying: the workload runs with fewer pods than asked for, or none.",
});
