/**
 * Day-2: a rolling update of each workload's template on the placed state (§4.2, §4.5). The new
 * revision's pods are scheduled like the old ones (same spec); the controller's surge and
 * unavailability bounds decide whether a step can start. A rollout is stuck when it can neither
 * create a new pod nor remove an old one — the Deployment then reports ProgressDeadlineExceeded.
 * PodDisruptionBudgets do not take part: rolling updates delete pods, they do not evict them (§4.9).
 */
import { formatRef } from '../../findings.js';
import type { JsonPath } from '../../resolver/source-map.js';
import { isRecord } from '../../k8s/values.js';
import type { SimWorkload } from '../controllers/workload.js';
import type { SimIssue, SimPod } from '../model.js';
import type { FilterPlugin } from '../scheduler/framework.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { SchedulingState } from '../scheduler/state.js';
import { replacementPod } from './replacement.js';

export function rolloutIssues(workloads: readonly SimWorkload[], state: SchedulingState, filters: readonly FilterPlugin[]): SimIssue[] {
  const out: SimIssue[] = [];
  for (const w of workloads) {
    if (w.pods.length === 0 || w.pods.some((p) => !p.status.ready || p.nodeName === undefined)) continue; // not a steady state
    const issue = w.kind === 'Deployment' ? deploymentRollout(w, state, filters) : w.kind === 'DaemonSet' ? daemonSetRollout(w, state, filters) : undefined;
    if (issue) out.push(issue);
  }
  return out;
}

/** Where a finding about the strategy points: the bound that blocks, else the strategy, else the name. */
function strategyPath(w: SimWorkload, field: 'maxSurge' | 'maxUnavailable'): JsonPath {
  const spec = w.manifest.object.spec;
  const key = w.kind === 'DaemonSet' ? 'updateStrategy' : 'strategy';
  const strategy = isRecord(spec) ? spec[key] : undefined;
  if (!isRecord(strategy)) return ['metadata', 'name'];
  const rolling = strategy.rollingUpdate;
  if (isRecord(rolling) && rolling[field] !== undefined) return ['spec', key, 'rollingUpdate', field];
  return ['spec', key];
}

function bounds(w: SimWorkload): { surge: number; unavailable: number; text: string } | undefined {
  const s = w.strategy;
  if (!s || s.type !== 'RollingUpdate' || !s.maxSurge || !s.maxUnavailable) return undefined;
  const text = `maxSurge ${s.maxSurge.raw}${s.maxSurge.defaulted ? ' (default)' : ''} and maxUnavailable ${s.maxUnavailable.raw}${s.maxUnavailable.defaulted ? ' (default)' : ''}`;
  return { surge: s.maxSurge.resolved, unavailable: s.maxUnavailable.resolved, text };
}

/**
 * §4.2 rolling update. With maxUnavailable ≥ 1 the controller can always progress: it removes old
 * pods first and the new ones (same spec) fit where they ran. With maxUnavailable 0 (maxSurge is
 * then ≥ 1) the first step must place one new pod next to all the old ones; once one fits, each
 * later step frees the room of an old pod before it needs the next one, so that first pod decides.
 * It is tried on the live state and undone, so a what-if costs one scheduling cycle, not a copy.
 */
function deploymentRollout(w: SimWorkload, state: SchedulingState, filters: readonly FilterPlugin[]): SimIssue | undefined {
  const b = bounds(w);
  if (!b || b.unavailable > 0) return undefined;
  const replicas = w.desiredReplicas;
  const blocker = tryPlace(nextRevisionPod(w), state, filters);
  if (blocker === undefined) return undefined;
  const spec = w.manifest.object.spec;
  const deadline = isRecord(spec) && typeof spec.progressDeadlineSeconds === 'number' ? spec.progressDeadlineSeconds : 600;
  return {
    id: 'rollout-stuck',
    at: { manifest: w.manifest, path: strategyPath(w, 'maxUnavailable') },
    message:
      `A rolling update of ${formatRef(w.manifest.ref)} would never finish: with ${b.text} (${replicas === 1 ? '1 replica' : `${replicas} replicas`}: at most ${replicas + b.surge} pods, at least ${replicas} available) ` +
      `the first new pod must run next to ${replicas === 1 ? 'the old one' : `all ${replicas} old ones`}, and no node can take it (${blocker}); ` +
      `after progressDeadlineSeconds=${deadline} the new ReplicaSet has timed out progressing (ProgressDeadlineExceeded) and the old version keeps running.`,
    related: [],
  };
}

/** A pod of the next revision: the old pod's spec, a new pod-template-hash. */
function nextRevisionPod(w: SimWorkload): SimPod {
  return replacementPod(w.pods[0], 'next', { 'pod-template-hash': 'next' });
}

/** Schedules `pod` on the live state and takes it off again; the scheduler's message when it fits nowhere. */
function tryPlace(pod: SimPod, state: SchedulingState, filters: readonly FilterPlugin[]): string | undefined {
  const outcome = new Scheduler(state, [...filters]).schedule(pod);
  if (!outcome.ok) return outcome.message;
  state.unbind(pod);
  return undefined;
}

/** §4.5 DaemonSet surge: the new pod must fit on each node next to the old one before it is deleted. */
function daemonSetRollout(w: SimWorkload, state: SchedulingState, filters: readonly FilterPlugin[]): SimIssue | undefined {
  const b = bounds(w);
  if (!b || b.surge === 0) return undefined; // delete-then-create on the same node always fits again
  if (b.unavailable > 0) return undefined; // the controller falls back to deleting first
  for (const pod of w.pods) {
    const blocker = tryPlace(replacementPod(pod, 'next', { 'controller-revision-hash': 'next' }), state, filters);
    if (blocker === undefined) continue;
    return {
      id: 'rollout-stuck',
      at: { manifest: w.manifest, path: strategyPath(w, 'maxUnavailable') },
      message: `A rolling update of ${formatRef(w.manifest.ref)} would never finish: with ${b.text} the new pod must start on node ${pod.nodeName} next to the old one, which cannot happen (${blocker}).`,
      related: [],
    };
  }
  return undefined;
}
