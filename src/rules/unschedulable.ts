import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'unschedulable',
  category: 'reliability',
  severity: 'error',
  description: "A workload with pods that fit no node of the cluster profile, with kube-scheduler's reasons.",
  rationale:
    "kube-scheduler places a pod only on a node that passes every filter: enough allocatable CPU and memory left, a matching nodeSelector and node affinity, tolerated taints, free host ports, satisfiable pod affinity and topology spread, bindable volumes. A pod that passes on no node stays Pending forever and the workload never reaches its replica count. drydock schedules the pods on the cluster profile (the built-in three-node profile, or `--cluster FILE`) and reports the scheduler's own message.",
});
