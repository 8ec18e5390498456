import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'limitrange-violation',
  category: 'resources',
  severity: 'error',
  description: 'A container outside the min, max or limit/request ratio of a LimitRange of its namespace.',
  rationale:
    'The LimitRanger admission plugin rejects pods whose containers request or limit less than the LimitRange minimum, more than its maximum, or with a limit/request ratio above maxLimitRequestRatio (after applying the LimitRange defaults). The controller reports FailedCreate and the workload gets no pods.',
});
