/**
 * Update strategies with their defaults applied and their `maxSurge`/`maxUnavailable` resolved to
 * pod counts, for the day-2 rollout simulation:
 * - Deployment (§4.2, `deployment_util.go (ResolveFenceposts)`): surge rounds up, unavailable rounds
 *   down; when both resolve to 0, unavailable becomes 1.
 * - StatefulSet (§4.4): `partition` default 0; `maxUnavailable` default 1, rounded up, at least 1.
 * - DaemonSet (§4.5): `maxUnavailable` default 1, `maxSurge` default 0, both rounded up against the
 *   number of eligible nodes; when both are 0, unavailable becomes 1.
 */
import { formatIntOrPercent, parseIntOrPercent, scaledValue, type IntOrPercent } from '../../k8s/int-or-percent.js';
import { isRecord } from '../../k8s/values.js';
import type { RolloutBound, RolloutStrategy } from './workload.js';

export interface ResolvedStrategy {
  strategy: RolloutStrategy;
  notes: string[];
}

const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** A bound as written, or its default when absent; an invalid value falls back to the default with a note. */
function bound(
  value: unknown,
  field: string,
  fallback: IntOrPercent,
  total: number,
  roundUp: boolean,
  notes: string[],
): RolloutBound & { parsed: IntOrPercent } {
  const parsed = value === undefined || value === null ? undefined : parseIntOrPercent(value);
  if (parsed === undefined && value !== undefined && value !== null) {
    notes.push(`${field} ${JSON.stringify(value)} is not a non-negative integer or percentage; the default ${formatIntOrPercent(fallback)} is simulated`);
  }
  const used = parsed ?? fallback;
  return {
    raw: parsed ? (value as number | string) : used.kind === 'int' ? used.value : formatIntOrPercent(used),
    defaulted: parsed === undefined,
    resolved: scaledValue(used, total, roundUp),
    parsed: used,
  };
}

const strip = ({ raw, defaulted, resolved }: RolloutBound): RolloutBound => ({ raw, defaulted, resolved });

const percent = (value: number): IntOrPercent => ({ kind: 'percent', value });
const count = (value: number): IntOrPercent => ({ kind: 'int', value });

/** §4.2: `RollingUpdate` with 25%/25% by default; fenceposts against the desired replicas. */
export function deploymentStrategy(spec: Record<string, unknown>, replicas: number): ResolvedStrategy {
  const notes: string[] = [];
  const written = record(spec.strategy);
  const type = typeof written.type === 'string' && written.type !== '' ? written.type : 'RollingUpdate';
  const minReadySeconds = typeof spec.minReadySeconds === 'number' && spec.minReadySeconds >= 0 ? spec.minReadySeconds : 0;
  if (type !== 'RollingUpdate') return { strategy: { type, minReadySeconds }, notes };
  const rolling = record(written.rollingUpdate);
  const surge = bound(rolling.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', percent(25), replicas, true, notes);
  const unavailable = bound(rolling.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', percent(25), replicas, false, notes);
  if (surge.resolved === 0 && unavailable.resolved === 0) {
    unavailable.resolved = 1;
    notes.push(
      `maxSurge ${formatIntOrPercent(surge.parsed)} and maxUnavailable ${formatIntOrPercent(unavailable.parsed)} both resolve to 0 for ${replicas} replicas: maxUnavailable is raised to 1`,
    );
  }
  return {
    strategy: {
      type,
      maxSurge: strip(surge),
      maxUnavailable: strip(unavailable),
      maxTotalPods: replicas + surge.resolved,
      minAvailablePods: Math.max(0, replicas - unavailable.resolved), // MaxUnavailable() caps the bound at the replicas
      minReadySeconds,
    },
    notes,
  };
}

/** §4.4: `RollingUpdate` with `partition: 0` by default (`OnDelete` has neither). */
export function statefulSetStrategy(spec: Record<string, unknown>, replicas: number): ResolvedStrategy {
  const notes: string[] = [];
  const written = record(spec.updateStrategy);
  const type = typeof written.type === 'string' && written.type !== '' ? written.type : 'RollingUpdate';
  if (type !== 'RollingUpdate') return { strategy: { type }, notes };
  const rolling = record(written.rollingUpdate);
  const partition = typeof rolling.partition === 'number' && Number.isInteger(rolling.partition) && rolling.partition >= 0 ? rolling.partition : 0;
  const unavailable = bound(rolling.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable', count(1), replicas, true, notes);
  unavailable.resolved = Math.max(1, unavailable.resolved);
  if (partition > replicas) notes.push(`partition ${partition} is above replicas ${replicas}: a rolling update changes no pod`);
  return { strategy: { type, partition, maxUnavailable: strip(unavailable) }, notes };
}

/** §4.5: `RollingUpdate` with `maxUnavailable: 1`, `maxSurge: 0` by default, against the eligible nodes. */
export function daemonSetStrategy(spec: Record<string, unknown>, eligibleNodes: number): ResolvedStrategy {
  const notes: string[] = [];
  const written = record(spec.updateStrategy);
  const type = typeof written.type === 'string' && written.type !== '' ? written.type : 'RollingUpdate';
  if (type !== 'RollingUpdate') return { strategy: { type }, notes };
  const rolling = record(written.rollingUpdate);
  const surge = bound(rolling.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge', count(0), eligibleNodes, true, notes);
  const unavailable = bound(rolling.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable', count(1), eligibleNodes, true, notes);
  if (eligibleNodes > 0 && surge.resolved === 0 && unavailable.resolved === 0) unavailable.resolved = 1;
  return { strategy: { type, maxSurge: strip(surge), maxUnavailable: strip(unavailable) }, notes };
}
