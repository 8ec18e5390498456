import { reconcile, type Reconciled } from '../../../src/sim/controllers/reconcile.js';
import type { SimNode } from '../../../src/sim/model.js';
import { deploymentYaml as sharedDeploymentYaml } from '../../helpers/manifests.js';
import { graphOfYaml } from './profile.js';

/** A plain worker node (4 CPU, 16Gi, 110 pods) for controller tests. */
export function node(name: string, extra: Partial<SimNode> = {}): SimNode {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name },
    taints: [],
    allocatable: { cpu: 4000, memory: 16 * 2 ** 30, pods: 110 },
    unschedulable: false,
    ...extra,
  };
}

export const THREE_NODES: readonly SimNode[] = [node('node-1'), node('node-2'), node('node-3')];

export interface ReconcileYamlOptions {
  nodes?: readonly SimNode[];
  daemonEligible?: (spec: Record<string, unknown>, node: SimNode) => boolean;
}

/** Reconciles the workloads of YAML text against `nodes` (every node eligible unless said otherwise). */
export function reconcileYaml(text: string, options: ReconcileYamlOptions = {}): Reconciled {
  return reconcile(graphOfYaml(text), {
    nodes: options.nodes ?? THREE_NODES,
    daemonEligible: options.daemonEligible ?? (() => true),
  });
}

/** A Deployment with one container `app`; `spec` lines are inserted under `spec:` (indented 2). */
export function deploymentYaml(name: string, specLines = '', container = ''): string {
  return sharedDeploymentYaml(name, { spec: specLines, container, containerName: 'app' });
}
