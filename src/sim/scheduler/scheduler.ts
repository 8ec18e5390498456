/**
 * kube-scheduler's default profile over a SchedulingState (§3): PreFilter, Filter per node in the
 * order of §3.1 (the first failing plugin gives the node's reasons), score the feasible nodes
 * (§3.11), bind the best one and let plugins reserve. Pods that never reach the scheduler are
 * handled first: preset `spec.nodeName` (kubelet admission, §3.3), scheduling gates and other
 * scheduler names (§3.10). Sources: `pkg/scheduler/schedule_one.go (schedulePod,
 * findNodesThatFitPod)`, `pkg/scheduler/framework/types.go (FitError)`.
 */
import type { SimNode, SimPod } from '../model.js';
import { fitErrorMessage, NO_NODES_MESSAGE, type Diagnosis } from './fit-error.js';
import { FITS, type FilterPlugin, type FilterStatus } from './framework.js';
import { interPodAffinity } from './filters/inter-pod-affinity.js';
import { nodeAffinity, nodeNamesFromAffinity } from './filters/node-affinity.js';
import { nodeName } from './filters/node-name.js';
import { nodePorts } from './filters/node-ports.js';
import { insufficientResources, nodeResourcesFit } from './filters/node-resources-fit.js';
import { nodeUnschedulable } from './filters/node-unschedulable.js';
import { podTopologySpread } from './filters/pod-topology-spread.js';
import { taintToleration } from './filters/taint-toleration.js';
import { selectNode } from './scoring.js';
import { isSkippable } from './skippable-filter.js';
import type { SchedulingState } from './state.js';

export type ScheduleFailureReason = 'Unschedulable' | 'SchedulingGated' | 'NoScheduler' | 'NodeNotFound' | 'OutOfResources' | 'KubeletRejected';

export type ScheduleOutcome =
  | { ok: true; node: SimNode }
  | {
      ok: false;
      message: string;
      reason: ScheduleFailureReason;
      /** For OutOfResources and KubeletRejected: the kubelet's pod status reason, `OutOfcpu`, `OutOfpods`, `NodeAffinity`, `NodePorts`… */
      kubeletReason?: string;
    };

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** The message of the PodScheduled=False condition of a gated pod (§3.10). */
export const SCHEDULING_GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

/** The filters of the default profile without the volume plugins, in §3.1 order. */
export function defaultFilters(): FilterPlugin[] {
  return [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, podTopologySpread, interPodAffinity];
}

/**
 * Splices the volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) in at
 * their §3.1 position: after NodeResourcesFit, before PodTopologySpread.
 */
export function insertVolumePlugins(filters: FilterPlugin[], volumePlugins: FilterPlugin[]): FilterPlugin[] {
  let at = filters.findIndex((f) => f.name === 'PodTopologySpread');
  if (at < 0) at = filters.findIndex((f) => f.name === 'InterPodAffinity');
  if (at < 0) at = filters.length;
  return [...filters.slice(0, at), ...volumePlugins, ...filters.slice(at)];
}

export interface SchedulerOptions {
  /**
   * `percentageOfNodesToScore`: 0 (default) = kube-scheduler's adaptive value (50% − nodes/125, at
   * least 5%, at least 100 nodes); 100 = filter and score every node.
   */
  percentageOfNodesToScore?: number;
}

/** `minFeasibleNodesToFind` and `minFeasibleNodesPercentageToFind` of schedule_one.go. */
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * `numFeasibleNodesToFind`: the scheduler stops filtering once this many feasible nodes are found
 * and scores only those (all nodes below 100).
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * percentage) / 100));
}

export class Scheduler {
  readonly state: SchedulingState;
  readonly filters: readonly FilterPlugin[];
  private readonly restrictsByNodeName: boolean;
  private readonly percentageOfNodesToScore: number;
  /** `nextStartNodeIndex`: each cycle starts filtering where the previous one stopped. */
  private nextStartNodeIndex = 0;

  constructor(state: SchedulingState, filters: FilterPlugin[], options: SchedulerOptions = {}) {
    this.state = state;
    this.filters = filters;
    this.restrictsByNodeName = filters.some((f) => f.name === 'NodeAffinity');
    this.percentageOfNodesToScore = options.percentageOfNodesToScore ?? 0;
  }

  /** Runs the filters on one node: the status of the first plugin that fails, or FITS. */
  filter(pod: SimPod, node: SimNode): FilterStatus {
    for (const plugin of this.filters) {
      const status = plugin.filter(pod, node, this.state);
      if (!status.ok) return status;
    }
    return FITS;
  }

  schedule(pod: SimPod): ScheduleOutcome {
    const spec = pod.spec;
    if (typeof spec.nodeName === 'string' && spec.nodeName !== '') return this.admitOnPresetNode(pod, spec.nodeName);
    if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
      return { ok: false, reason: 'SchedulingGated', message: SCHEDULING_GATED_MESSAGE };
    }
    const schedulerName = spec.schedulerName;
    if (typeof schedulerName === 'string' && schedulerName !== '' && schedulerName !== DEFAULT_SCHEDULER_NAME) {
      return {
        ok: false,
        reason: 'NoScheduler',
        message: `no scheduler named "${schedulerName}" is simulated: the default scheduler ignores pods with spec.schedulerName "${schedulerName}", so the pod stays Pending unless that scheduler runs in the cluster`,
      };
    }
    const nodes = this.state.nodes;
    if (nodes.length === 0) return { ok: false, reason: 'Unschedulable', message: NO_NODES_MESSAGE };
    const diagnosis: Diagnosis = {
      numAllNodes: nodes.length,
      reasons: new Map(),
      codes: { Unschedulable: 0, UnschedulableAndUnresolvable: 0 },
      preemptionNever: spec.preemptionPolicy === 'Never',
    };
    for (const plugin of this.filters) {
      const message = plugin.preFilter?.(pod, this.state);
      if (message !== undefined) {
        diagnosis.preFilterMessage = message;
        return { ok: false, reason: 'Unschedulable', message: fitErrorMessage(diagnosis) };
      }
    }
    let candidates: readonly SimNode[] = nodes;
    const pinned = this.restrictsByNodeName ? nodeNamesFromAffinity(spec) : undefined;
    if (pinned !== undefined) {
      // NodeAffinity's PreFilterResult: nodes outside it are "absent" and share one status.
      candidates = nodes.filter((n) => pinned.has(n.name));
      const absent = nodes.length - candidates.length;
      if (absent > 0) {
        diagnosis.reasons.set("node(s) didn't satisfy plugin(s) [NodeAffinity]", absent);
        diagnosis.codes.UnschedulableAndUnresolvable += absent;
      }
    }
    const active = this.filters.filter((f) => !isSkippable(f) || !f.skip(pod, this.state));
    const feasible: SimNode[] = [];
    const toFind = numFeasibleNodesToFind(candidates.length, this.percentageOfNodesToScore);
    let processed = 0;
    for (let i = 0; i < candidates.length && feasible.length < toFind; i++) {
      const node = candidates[(this.nextStartNodeIndex + i) % candidates.length];
      processed++;
      let status = FITS;
      for (let f = 0; f < active.length && status.ok; f++) status = active[f].filter(pod, node, this.state);
      if (status.ok) {
        feasible.push(node);
        continue;
      }
      for (const reason of status.reasons) diagnosis.reasons.set(reason, (diagnosis.reasons.get(reason) ?? 0) + 1);
      diagnosis.codes[status.code]++;
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % nodes.length;
    if (feasible.length === 0) return { ok: false, reason: 'Unschedulable', message: fitErrorMessage(diagnosis) };
    const node = selectNode(pod, feasible, this.state);
    this.state.bind(pod, node.name);
    for (const plugin of this.filters) plugin.reserve?.(pod, node, this.state);
    return { ok: true, node };
  }

  /**
   * A pod with `spec.nodeName` bypasses the scheduler (§3.3): an unknown node leaves it Pending; the
   * kubelet rejects it when resources do not fit (`OutOf<resource>`), or its node selector/affinity
   * or host ports do not (`Predicate NodeAffinity failed`); otherwise it is bound.
   */
  private admitOnPresetNode(pod: SimPod, name: string): ScheduleOutcome {
    const node = this.state.node(name);
    if (!node) {
      return {
        ok: false,
        reason: 'NodeNotFound',
        message: `node "${name}" not found: spec.nodeName names a node that is not in the cluster, so no kubelet runs the pod and it stays Pending`,
      };
    }
    const missing = insufficientResources(pod.requests, node.allocatable, this.state.requested(name), this.state.podsOn(name).length);
    if (missing.length > 0) {
      const m = missing[0];
      return {
        ok: false,
        reason: 'OutOfResources',
        kubeletReason: `OutOf${m.resource}`,
        message: `Pod Node didn't have enough resource: ${m.resource}, requested: ${m.requested}, used: ${m.used}, capacity: ${m.capacity}`,
      };
    }
    // The kubelet's other general predicates (`lifecycle/predicate.go`, GeneralPredicates): node
    // selector and required affinity, then host ports. A rejected pod fails with `Predicate <name> failed`.
    for (const predicate of [nodeAffinity, nodePorts]) {
      if (predicate.filter(pod, node, this.state).ok) continue;
      return {
        ok: false,
        reason: 'KubeletRejected',
        kubeletReason: predicate.name,
        message: `Predicate ${predicate.name} failed: the kubelet of node ${name} rejects the pod (spec.nodeName skips the scheduler, so nothing checked this before)`,
      };
    }
    this.state.bind(pod, name);
    return { ok: true, node };
  }
}
