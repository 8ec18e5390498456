import { formatRef } from '../findings.js';
import { PDB_GROUP, pdbBudget, pdbSelection } from '../k8s/disruption-budget.js';
import { formatIntOrPercent, scaledValue } from '../k8s/int-or-percent.js';
import { findScaleTargets, horizontalPodAutoscalers, scaleTargetRefOf, type ScaleTargetRef } from '../k8s/scale-target.js';
import type { Selector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RelatedNode, type RuleContext } from './types.js';

const EVERYTHING: Selector = { matchLabels: {}, matchExpressions: [] };

/** Controllers whose scale the disruption controller reads (`getExpectedScale` finders). */
const SCALED_KINDS: Record<string, readonly string[]> = {
  Deployment: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  ReplicationController: [''],
};

/** An autoscaler of a workload: its lowest replica count and where that is written. */
interface Autoscaler {
  manifest: Manifest;
  /** Undefined when the minimum is not a non-negative integer. */
  min: number | undefined;
  path: JsonPath;
  label: string;
}

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    category: 'reliability',
    severity: 'warning',
    supersededBy: ['drain-blocked'],
    description: 'A PodDisruptionBudget that can never allow an eviction (maxUnavailable 0, or minAvailable at or above the replicas it covers).',
    rationale:
      'The eviction API refuses to evict a pod while the disruption budget allows no disruption. With maxUnavailable 0, or a minAvailable that equals or exceeds the replicas of the covered workloads, that is always the case: kubectl drain, the cluster autoscaler and managed node upgrades wait on such pods forever, so nodes cannot be drained and cluster upgrades stall.',
  },
  check(ctx) {
    const pdbs = ctx.graph.ofKind('PodDisruptionBudget', PDB_GROUP);
    if (pdbs.length === 0) return;
    const autoscalers = autoscalersByTarget(ctx);
    for (const pdb of pdbs) checkPdb(ctx, pdb, autoscalers);
  },
});

function checkPdb(ctx: RuleContext, pdb: Manifest, autoscalers: Map<Manifest, Autoscaler>): void {
  const budget = pdbBudget(pdb);
  if (!budget) return;
  const selection = pdbSelection(pdb);
  if (selection.kind === 'none' || selection.kind === 'invalid') return; // selects nothing: dangling-pdb
  const namespace = pdb.ref.namespace ?? 'default';
  const name = formatRef(pdb.ref);
  const selector = selection.kind === 'all' ? EVERYTHING : selection.selector;
  const covered = distinctObjects(ctx.graph.selectPodTemplates(namespace, selector).map((e) => e.manifest));
  const node = { manifest: pdb, path: budget.path };
  const written = formatIntOrPercent(budget.value);

  if (budget.field === 'maxUnavailable') {
    if (budget.value.value !== 0) return; // any other value rounds up to at least one pod
    ctx.report({
      node,
      message: `${name} sets maxUnavailable ${written}, so it never allows evicting a pod it selects: node drains and cluster upgrades block forever.`,
      related: covered.map((m) => ({ node: { manifest: m, path: ['metadata', 'name'] }, note: 'a workload the budget covers' })),
    });
    return;
  }

  if (budget.value.value === 0 || covered.length === 0) return;
  let total = 0;
  let viaAutoscaler = false;
  const parts: string[] = [];
  const related: RelatedNode[] = [];
  for (const m of covered) {
    if (m.ref.kind === 'Pod' && m.ref.group === '' && budget.value.kind === 'int') {
      total += 1; // an unmanaged pod counts once towards an integer minAvailable
      parts.push(`${formatRef(m.ref)}: 1 pod`);
      related.push({ node: { manifest: m, path: ['metadata', 'name'] }, note: 'a pod the budget covers' });
      continue;
    }
    if (!SCALED_KINDS[m.ref.kind]?.includes(m.ref.group)) return; // DaemonSet, Job…: pod count unknown
    const autoscaler = autoscalers.get(m);
    if (autoscaler) {
      if (autoscaler.min === undefined) return;
      total += autoscaler.min;
      viaAutoscaler = true;
      parts.push(`${formatRef(m.ref)}: ${autoscaler.label} minimum ${autoscaler.min}`);
      related.push({ node: { manifest: m, path: ['metadata', 'name'] }, note: 'a workload the budget covers' });
      related.push({
        node: { manifest: autoscaler.manifest, path: autoscaler.path },
        note: `the ${autoscaler.label} minimum of ${formatRef(m.ref)}`,
      });
      continue;
    }
    const replicas = declaredReplicas(m);
    if (replicas === undefined) return;
    total += replicas;
    parts.push(`${formatRef(m.ref)}: ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`);
    const spec = m.object.spec;
    const hasReplicas = isRecord(spec) && spec.replicas !== undefined && spec.replicas !== null;
    related.push({
      node: { manifest: m, path: hasReplicas ? ['spec', 'replicas'] : ['metadata', 'name'] },
      note: `a workload the budget covers (${replicas} ${replicas === 1 ? 'replica' : 'replicas'})`,
    });
  }
  if (total === 0) return; // nothing runs, nothing to evict
  const desired = scaledValue(budget.value, total, true);
  if (desired < total) return;

  const requirement = budget.value.kind === 'percent' ? `minAvailable ${written} (${desired} of ${total} pods, rounded up)` : `minAvailable ${written}`;
  const pods = `${total} ${total === 1 ? 'pod' : 'pods'}`;
  ctx.report({
    node,
    message: viaAutoscaler
      ? `${name} requires ${requirement} but the workloads it covers run ${pods} at their autoscaling minimum (${parts.join('; ')}), so while they run at that minimum no pod can be evicted: node drains and cluster upgrades block until they scale up.`
      : `${name} requires ${requirement} but the workloads it covers run only ${pods} (${parts.join('; ')}), so no pod can ever be evicted: node drains and cluster upgrades block forever.`,
    related,
  });
}

/** One manifest per object identity (the last one applied wins), in input order. */
function distinctObjects(manifests: readonly Manifest[]): Manifest[] {
  const byIdentity = new Map<string, Manifest>();
  for (const m of manifests) {
    const key = `${m.ref.kind}/${m.ref.namespace ?? ''}/${m.ref.name}`; // apps and extensions serve the same objects
    byIdentity.delete(key);
    byIdentity.set(key, m);
  }
  return [...byIdentity.values()];
}

/** `spec.replicas` (default 1), or undefined when it is not a non-negative integer. */
function declaredReplicas(m: Manifest): number | undefined {
  const spec = m.object.spec;
  if (!isRecord(spec)) return undefined;
  const r = spec.replicas;
  if (r === undefined || r === null) return 1;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : undefined;
}

/** HorizontalPodAutoscalers and KEDA ScaledObjects of the input, by the workload they scale. */
function autoscalersByTarget(ctx: RuleContext): Map<Manifest, Autoscaler> {
  const out = new Map<Manifest, Autoscaler>();
  const add = (scaler: Manifest, target: ScaleTargetRef, field: string, fallback: number, label: string): void => {
    const spec = scaler.object.spec;
    const raw = isRecord(spec) ? spec[field] : undefined;
    const min =
      raw === undefined || raw === null ? fallback : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : undefined;
    const path = raw === undefined || raw === null ? ['metadata', 'name'] : ['spec', field];
    for (const workload of findScaleTargets(ctx.graph, scaler.ref.namespace ?? 'default', target))
      if (!out.has(workload)) out.set(workload, { manifest: scaler, min, path, label });
  };
  for (const hpa of horizontalPodAutoscalers(ctx.graph)) {
    const target = scaleTargetRefOf(hpa.object);
    if (target) add(hpa, target, 'minReplicas', 1, 'HorizontalPodAutoscaler');
  }
  // KEDA creates the HPA in the cluster; its ScaledObject defaults to an apps/v1 Deployment and 0 replicas.
  for (const so of ctx.graph.ofKind('ScaledObject', 'keda.sh')) {
    const target = scaleTargetRefOf(so.object);
    if (!target || target.name === undefined) continue;
    const kind = target.kind ?? 'Deployment';
    const group = target.apiVersion === undefined ? 'apps' : target.group;
    add(so, { ...target, kind, group }, 'minReplicaCount', 0, 'ScaledObject');
  }
  return out;
}
