/**
 * What every controller of the reconciliation shares: the input graph, the cluster's nodes, the
 * HPA index, the names already given out, the bare Pods adopted by selector, and the claims created.
 */
import { formatRef } from '../../findings.js';
import type { ObjectGraph } from '../../resolver/graph.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { SimClaim, SimNode } from '../model.js';
import type { NameRegistry } from '../naming.js';
import type { Adoptions } from './adoption.js';
import type { HpaIndex } from './hpa.js';

export interface ReconcileOptions {
  /** The cluster profile's nodes, in profile order (DaemonSets create one pod per eligible node, §4.5). */
  nodes: readonly SimNode[];
  /**
   * Whether a DaemonSet pod with this spec (template spec plus the tolerations the controller adds)
   * may run on the node: nodeSelector, required node affinity and NoSchedule/NoExecute taints (§4.5).
   */
  daemonEligible(podSpec: Record<string, unknown>, node: SimNode): boolean;
  /**
   * The most pods one workload gets in the simulation (default: unlimited). The caller passes one
   * more than the cluster can ever run, so `replicas: 2000000000` is a finding, not a hang.
   */
  maxPodsPerWorkload?: number;
}

/** How many of `wanted` pods a controller creates in the simulation, with a note when capped. */
export function simulatedPodCount(wanted: number, ctx: ControllerContext, notes: string[]): number {
  const max = ctx.options.maxPodsPerWorkload ?? Number.POSITIVE_INFINITY;
  if (wanted <= max) return wanted;
  notes.push(`wants ${wanted} pods; only the first ${max} are simulated (more than the cluster can ever run)`);
  return max;
}

export interface ControllerContext {
  readonly graph: ObjectGraph;
  readonly options: ReconcileOptions;
  readonly names: NameRegistry;
  readonly hpas: HpaIndex;
  /** Bare Pods of the input that a ReplicaSet or ReplicationController adopts (§4.3). */
  readonly adoptions: Adoptions;
  /** Claims created so far: StatefulSet claim templates (§4.4) and generic ephemeral volumes. */
  readonly claims: SimClaim[];
}

/** `Kind/namespace/name` of an input object, for notes. */
export const objectName = (m: Manifest): string => formatRef(m.ref);

/** The namespace of a namespaced input object (the graph defaults it). */
export const namespaceOf = (m: Manifest): string => m.ref.namespace ?? 'default';
