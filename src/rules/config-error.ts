import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'config-error',
  category: 'correctness',
  severity: 'error',
  description: 'Pods that would never start because a ConfigMap, Secret or key they read is missing (CreateContainerConfigError or a volume that cannot be mounted).',
  rationale:
    'The kubelet resolves every ConfigMap and Secret a container reads through env, envFrom and volumes before starting it. A missing object or key (not marked optional) leaves the container in CreateContainerConfigError, or the pod in ContainerCreating for a volume, until it appears.',
});
