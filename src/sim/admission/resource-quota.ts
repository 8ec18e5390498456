/**
 * The ResourceQuota admission plugin, pod by pod (§11.1; `staging/src/k8s.io/apiserver/pkg/
 * admission/plugin/resourcequota/controller.go (CheckRequest, prettyPrint)`).
 *
 * For a new pod, in input order of the quotas of its namespace that match it (a hard resource the
 * pod evaluator tracks, and every scope):
 *  1. must-specify: a quota on cpu/memory requests or limits rejects a pod any of whose containers
 *     leaves that resource unset: `failed quota: q: must specify requests.cpu for: app`;
 *  2. exceeded: `used + requested > hard` for a resource the pod consumes rejects it:
 *     `exceeded quota: q, requested: requests.cpu=3, used: requests.cpu=4, limited: requests.cpu=6`.
 * The first failing quota rejects the pod and nothing is charged; otherwise every matching quota
 * is charged. SIM: usage starts at 0 — the cluster holds only what the input creates, so a
 * `status.used` snapshot in the manifest is not counted (it would count these same pods twice).
 */
import { formatQuantity, parseQuantity } from '../../k8s/quantity.js';
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { JsonPath } from '../../resolver/source-map.js';
import type { ResourceList, SimPod } from '../model.js';
import { amountOf, formatAmount } from '../resources.js';
import { podMatchesScope, podScopeFacts, quotaScopeSelectors, type ScopeSelector } from './quota-scopes.js';
import { baseResource, isExtendedResource, matchingPodResources, missingQuotaResources, MUST_SPECIFY, podQuotaUsage, POD_OBJECT_COUNT } from './quota-usage.js';

export interface QuotaAdmitted {
  allowed: true;
  /** The quotas that matched the pod and were charged. */
  quotas: Manifest[];
}

export interface QuotaRejection {
  allowed: false;
  reason: 'must-specify' | 'exceeded';
  quota: Manifest;
  /** Kubernetes' error after `pods "<pod>" is forbidden: `. */
  message: string;
  /** The `spec.hard` names that failed, sorted. */
  resources: string[];
  /** `['spec', 'hard', <resource>]` of each. */
  paths: JsonPath[];
  /** The hard limit of each, in canonical form (`6`, `8Gi`). */
  limited: string[];
  /** must-specify: each missing resource and the containers without it. */
  missing?: { resource: string; containers: string[] }[];
}

export type QuotaVerdict = QuotaAdmitted | QuotaRejection;

interface HardLimit {
  amount: number;
  /** Canonical form of the written quantity, as `limited:` prints it. */
  text: string;
}

interface TrackedQuota {
  manifest: Manifest;
  hard: Map<string, HardLimit>;
  /** Hard names the pod evaluator tracks, in spec order. */
  podResources: string[];
  scopes: ScopeSelector[];
  used: ResourceList;
}

/** How a usage amount reads (`cpu` millicores → `1500m`, bytes → `512Mi`, counts as integers). */
function usageText(resource: string, amount: number): string {
  const base = baseResource(resource);
  if (resource === 'pods' || resource === POD_OBJECT_COUNT || isExtendedResource(base)) return String(amount);
  return formatAmount(base, amount);
}

/** prettyPrint: `name=value` sorted by name, joined with commas. */
function prettyPrint(names: readonly string[], value: (r: string) => string): string {
  return names.map((r) => `${r}=${value(r)}`).join(',');
}

function track(manifest: Manifest): TrackedQuota | undefined {
  const spec = manifest.object.spec;
  const hardMap = isRecord(spec) && isRecord(spec.hard) ? spec.hard : {};
  const hard = new Map<string, HardLimit>();
  for (const [r, raw] of Object.entries(hardMap)) {
    const parsed = parseQuantity(raw);
    const amount = amountOf(baseResource(r), raw);
    if (parsed.ok && amount !== undefined) hard.set(r, { amount, text: formatQuantity(parsed.quantity) });
  }
  const podResources = matchingPodResources([...hard.keys()]);
  if (podResources.length === 0) return undefined;
  const used: ResourceList = {};
  for (const r of hard.keys()) used[r] = 0;
  return { manifest, hard, podResources, scopes: quotaScopeSelectors(manifest), used };
}

/**
 * The ResourceQuotas of the input and their usage as pods are admitted one at a time, in the
 * order the simulation creates them (so the third replica can exceed a quota the first two fit).
 */
export class QuotaLedger {
  private readonly byNamespace = new Map<string, TrackedQuota[]>();
  private readonly byManifest = new Map<Manifest, TrackedQuota>();
  private readonly charges = new Map<SimPod, { quota: TrackedQuota; usage: ResourceList }[]>();

  constructor(quotas: readonly Manifest[]) {
    for (const m of quotas) {
      if (m.ref.kind !== 'ResourceQuota' || m.ref.namespace === undefined) continue;
      const tracked = track(m);
      if (!tracked) continue;
      const list = this.byNamespace.get(m.ref.namespace) ?? [];
      list.push(tracked);
      this.byNamespace.set(m.ref.namespace, list);
      this.byManifest.set(m, tracked);
    }
  }

  /** Admits a new pod: checks every matching quota, and charges them all when none rejects it. */
  admit(pod: SimPod): QuotaVerdict {
    const inNamespace = this.byNamespace.get(pod.namespace);
    if (!inNamespace) return { allowed: true, quotas: [] };
    const facts = podScopeFacts(pod.spec);
    const quotas = inNamespace.filter((q) => q.scopes.every((s) => podMatchesScope(s, facts)));
    if (quotas.length === 0) return { allowed: true, quotas: [] };

    for (const q of quotas) {
      const required = q.podResources.filter((r) => MUST_SPECIFY.has(r));
      if (required.length === 0) continue;
      const missing = missingQuotaResources(pod.spec, required);
      if (missing.length === 0) continue;
      const parts = missing.map((m) => `${m.resource} for: ${m.containers.join(',')}`);
      return this.reject(q, 'must-specify', `failed quota: ${q.manifest.ref.name}: must specify ${parts.join('; ')}`, missing.map((m) => m.resource), missing);
    }

    const usage = podQuotaUsage(pod);
    const charged: { quota: TrackedQuota; usage: ResourceList }[] = [];
    for (const q of quotas) {
      const requested: ResourceList = {};
      for (const r of q.podResources) if (r in usage) requested[r] = usage[r];
      const exceeded = Object.keys(requested)
        .filter((r) => (q.used[r] ?? 0) + requested[r] > q.hard.get(r)!.amount)
        .sort();
      if (exceeded.length > 0) {
        const message =
          `exceeded quota: ${q.manifest.ref.name}, ` +
          `requested: ${prettyPrint(exceeded, (r) => usageText(r, requested[r]))}, ` +
          `used: ${prettyPrint(exceeded, (r) => usageText(r, q.used[r] ?? 0))}, ` +
          `limited: ${prettyPrint(exceeded, (r) => q.hard.get(r)!.text)}`;
        return this.reject(q, 'exceeded', message, exceeded);
      }
      charged.push({ quota: q, usage: requested });
    }
    for (const c of charged) for (const [r, v] of Object.entries(c.usage)) c.quota.used[r] = (c.quota.used[r] ?? 0) + v;
    this.charges.set(pod, charged);
    return { allowed: true, quotas: charged.map((c) => c.quota.manifest) };
  }

  /** Gives back what an admitted pod was charged (the pod was deleted or reached a terminal phase). */
  release(pod: SimPod): void {
    for (const c of this.charges.get(pod) ?? []) for (const [r, v] of Object.entries(c.usage)) c.quota.used[r] -= v;
    this.charges.delete(pod);
  }

  /** Current usage of a quota by hard resource name (undefined for a quota that tracks no pod resource). */
  used(quota: Manifest): Readonly<ResourceList> | undefined {
    return this.byManifest.get(quota)?.used;
  }

  private reject(
    q: TrackedQuota,
    reason: QuotaRejection['reason'],
    message: string,
    resources: string[],
    missing?: QuotaRejection['missing'],
  ): QuotaRejection {
    return {
      allowed: false,
      reason,
      quota: q.manifest,
      message,
      resources,
      paths: resources.map((r) => ['spec', 'hard', r]),
      limited: resources.map((r) => q.hard.get(r)!.text),
      ...(missing ? { missing } : {}),
    };
  }
}
