import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'no-ready-endpoints',
  category: 'networking',
  severity: 'error',
  description: 'A Service whose selected pods would never become Ready, so it has no endpoints.',
  rationale:
    "The EndpointSlice controller routes a Service's traffic only to Ready pods. When every pod the Service selects stays Pending, cannot start, or fails its readiness probe by construction, the Service has no endpoints and every connection to it fails.",
});
