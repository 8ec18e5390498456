import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'hpa-no-requests',
  category: 'reliability',
  severity: 'warning',
  description: 'A HorizontalPodAutoscaler with a utilization target on pods lacking that resource request.',
  rationale:
    'Utilization is usage divided by request: the HPA controller cannot compute it for a pod whose container has no request for the resource, reports FailedGetResourceMetric and never scales the workload.',
});
