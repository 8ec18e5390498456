import { formatRef } from '../findings.js';
import {
  formatSelector,
  isEmptySelector,
  matchesSelector,
  parseLabelSelector,
  selectorFromMap,
  type Selector,
} from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule } from './types.js';

/** Long-running controllers that own pods through their selector (Jobs and bare Pods are left out). */
const CONTROLLER_GROUPS: Record<string, readonly string[]> = {
  Deployment: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  DaemonSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  ReplicationController: [''],
};

interface Controller {
  manifest: Manifest;
  selector: Selector;
  /** Where the selector is written (or the template labels it defaults to). */
  path: JsonPath;
}

export default defineRule({
  meta: {
    id: 'selector-overlap',
    category: 'correctness',
    severity: 'warning',
    description: "Two workloads in one namespace whose selectors select each other's pod templates.",
    rationale:
      "Every pod controller treats the pods its selector matches in its namespace as its own or as orphans to adopt, and the scale subresource publishes that selector for others to find the workload's pods. When two Deployments, ReplicaSets, StatefulSets, DaemonSets or ReplicationControllers select each other's pods, a pod or ReplicaSet orphaned by one (its owner deleted with --cascade=orphan, then re-applied) is adopted and scaled away by the other, HorizontalPodAutoscalers average the metrics of both workloads, and kubectl shows the wrong pods. Kubernetes does not prevent overlapping selectors; its documentation warns that the controllers then conflict.",
  },
  check(ctx) {
    const controllers = new Map<Manifest, Controller>();
    for (const m of ctx.graph.manifests) {
      const c = controllerOf(m, ctx.graph.podTemplateOf(m)?.labels);
      if (c) controllers.set(m, c);
    }
    for (const later of controllers.values()) {
      const laterEntry = ctx.graph.podTemplateOf(later.manifest);
      if (!laterEntry) continue;
      const laterKey = identity(later.manifest);
      const reported = new Set<Manifest>();
      for (const entry of ctx.graph.selectPodTemplates(laterEntry.namespace, later.selector)) {
        const earlier = controllers.get(entry.manifest);
        if (!earlier || earlier.manifest.index >= later.manifest.index || reported.has(earlier.manifest)) continue;
        if (identity(earlier.manifest) === laterKey) continue; // the same object twice, not two controllers
        if (!matchesSelector(earlier.selector, laterEntry.labels)) continue; // it selects the earlier one's pods, not the other way round
        reported.add(earlier.manifest);
        const adopted = later.manifest.ref.kind === 'Deployment' || earlier.manifest.ref.kind === 'Deployment' ? 'pods or ReplicaSets' : 'pods';
        ctx.report({
          node: { manifest: later.manifest, path: later.path },
          message: `${formatRef(later.manifest.ref)} (selector ${formatSelector(later.selector)}) and ${formatRef(earlier.manifest.ref)} (selector ${formatSelector(earlier.selector)}) select each other's pods, so each controller may adopt the other's orphaned ${adopted} and whatever finds a workload's pods by its selector (HPA metrics, kubectl logs and rollout status) mixes the two; add a label that tells them apart to both selectors and pod templates.`,
          related: [{ node: { manifest: earlier.manifest, path: earlier.path }, note: `the selector of ${formatRef(earlier.manifest.ref)}` }],
        });
      }
    }
  },
});

/** Kind, namespace and name: apps and extensions serve the same Deployments, ReplicaSets and DaemonSets. */
function identity(m: Manifest): string {
  return `${m.ref.kind}/${m.ref.namespace ?? ''}/${m.ref.name}`;
}

/**
 * The effective selector of a pod controller, or undefined when the object is not one or its
 * selector is invalid or does not match its own template (the API server rejects those:
 * selector-mismatch reports them). A missing selector defaults to the template labels except in
 * apps/v1 (where it is required).
 */
function controllerOf(m: Manifest, templateLabels: Readonly<Record<string, string>> | undefined): Controller | undefined {
  const { group, version, kind } = m.ref;
  if (!CONTROLLER_GROUPS[kind]?.includes(group) || templateLabels === undefined) return undefined;
  const spec = m.object.spec;
  if (!isRecord(spec)) return undefined;
  const raw = spec.selector;
  const labelsPath: JsonPath = ['spec', 'template', 'metadata', 'labels'];
  const defaulted = (): Controller | undefined => {
    const selector = selectorFromMap(templateLabels);
    return isEmptySelector(selector) ? undefined : { manifest: m, selector, path: labelsPath };
  };
  let selector: Selector;
  if (kind === 'ReplicationController') {
    if (raw !== undefined && raw !== null && !isRecord(raw)) return undefined;
    selector = selectorFromMap(raw);
    if (isEmptySelector(selector)) return defaulted();
  } else {
    if (raw === undefined || raw === null) return group === 'apps' && version === 'v1' ? undefined : defaulted();
    const parsed = parseLabelSelector(raw);
    if (!parsed.ok || isEmptySelector(parsed.selector)) return undefined;
    selector = parsed.selector;
  }
  if (!matchesSelector(selector, templateLabels)) return undefined;
  return { manifest: m, selector, path: ['spec', 'selector'] };
}
