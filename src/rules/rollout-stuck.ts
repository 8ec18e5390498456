import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'rollout-stuck',
  category: 'reliability',
  severity: 'warning',
  description: 'A rolling update that could never finish on the simulated cluster, and why (e.g. maxUnavailable 0 and no node can hold a surge pod).',
  rationale:
    'A rolling update creates new pods within maxSurge and removes old ones within maxUnavailable. With maxUnavailable 0 the first new pod must fit next to all the old ones; when no node has room (or anti-affinity or host ports forbid it), the rollout never progresses and the Deployment reports ProgressDeadlineExceeded. The application keeps running the old version, and the next deploy fails in the pipeline instead of in review.',
});
