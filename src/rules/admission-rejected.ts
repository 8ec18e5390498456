import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'admission-rejected',
  category: 'security',
  severity: 'error',
  description: 'Pods that admission would reject for another reason: the Pod Security level of the namespace, or a missing ServiceAccount.',
  rationale:
    "Pod Security Admission rejects pods that violate the namespace's enforced level, and the ServiceAccount admission plugin rejects pods whose ServiceAccount does not exist. Controllers then report FailedCreate events and the workload never gets its pods.",
});
