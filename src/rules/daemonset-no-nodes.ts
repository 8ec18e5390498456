import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'daemonset-no-nodes',
  category: 'reliability',
  severity: 'warning',
  description: 'A DaemonSet that no node of the cluster profile is eligible for.',
  rationale:
    'The DaemonSet controller runs a pod on each node that matches its node selector and affinity and whose NoSchedule/NoExecute taints it tolerates. When no node qualifies, the DaemonSet runs nothing — usually a nodeSelector for a label the nodes do not carry.',
});
