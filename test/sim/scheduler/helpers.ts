/**
 * Builders for scheduler tests: SimNode and SimPod objects made directly, with a minimal fake owner
 * Manifest (the scheduler only reads `owner.manifest.object` for the default spread constraints).
 */
import type { Manifest } from '../../../src/resolver/manifest.js';
import type { SimNode, SimPod, Taint } from '../../../src/sim/model.js';
import { amountOf, podRequests } from '../../../src/sim/resources.js';

export interface NodeOptions {
  labels?: Record<string, string>;
  taints?: Taint[];
  /** Quantities as in a Node's status.allocatable: `{ cpu: '4', memory: '8Gi', pods: '110' }`. */
  allocatable?: Record<string, string>;
  unschedulable?: boolean;
}

export function makeNode(name: string, options: NodeOptions = {}): SimNode {
  const raw = options.allocatable ?? { cpu: '4', memory: '8Gi' };
  const allocatable: Record<string, number> = {};
  for (const [r, q] of Object.entries(raw)) allocatable[r] = amountOf(r, q)!;
  allocatable.pods ??= 110;
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, ...(options.labels ?? {}) },
    taints: options.taints ?? [],
    allocatable,
    unschedulable: options.unschedulable ?? false,
  };
}

export interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  /** Kind of the fake owner manifest (default Deployment) and its spec.selector. */
  ownerKind?: string;
  ownerSelector?: Record<string, unknown>;
  phase?: SimPod['status']['phase'];
}

/** A container with `requests` (and no limits): `container({ cpu: '500m', memory: '1Gi' })`. */
export function container(requests: Record<string, string> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'c', image: 'nginx', resources: Object.keys(requests).length ? { requests } : {}, ...extra };
}

export function makePod(name: string, spec: Record<string, unknown> = {}, options: PodOptions = {}): SimPod {
  const fullSpec = { containers: [container()], ...spec };
  const labels = options.labels ?? { app: name };
  const ownerKind = options.ownerKind ?? 'Deployment';
  const owner = {
    object: {
      apiVersion: ownerKind === 'Pod' ? 'v1' : 'apps/v1',
      kind: ownerKind,
      metadata: { name, namespace: options.namespace ?? 'default' },
      spec: { selector: options.ownerSelector ?? { matchLabels: labels } },
    },
  } as unknown as Manifest;
  return {
    name,
    namespace: options.namespace ?? 'default',
    owner: { manifest: owner, generated: [] },
    ordinal: 0,
    labels,
    spec: fullSpec,
    template: { path: [], specPath: ['spec'], metadataPath: ['metadata'], metadata: { labels }, spec: fullSpec },
    requests: podRequests(fullSpec),
    claims: [],
    status: { phase: options.phase ?? 'Pending', ready: false },
  };
}

/** Pods `${prefix}-0…n-1` sharing labels and spec (replicas of one workload). */
export function replicas(prefix: string, n: number, spec: Record<string, unknown>, options: PodOptions = {}): SimPod[] {
  return Array.from({ length: n }, (_, i) => {
    const p = makePod(`${prefix}-${i}`, spec, { labels: { app: prefix }, ...options });
    p.ordinal = i;
    return p;
  });
}

export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' };
