import { formatRef } from '../findings.js';
import { equivalentGroups, findScaleTargets, horizontalPodAutoscalers, mayHaveScaleSubresource, scaleTargetRefOf } from '../k8s/scale-target.js';
import type { Manifest } from '../resolver/manifest.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

/** Kinds an HPA commonly scales, for "did you mean" hints. */
const SCALABLE_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** The apiVersion to write for a target: `apps/v1` for the old workload groups, else the target's own. */
function suggestedApiVersion(target: Manifest): string {
  const { group } = target.ref;
  if (group === 'apps' || group === 'extensions') return 'apps/v1';
  return typeof target.object.apiVersion === 'string' ? target.object.apiVersion : group;
}

export default defineRule({
  meta: {
    id: 'dangling-hpa-target',
    category: 'reliability',
    severity: 'warning',
    description: 'A HorizontalPodAutoscaler whose scaleTargetRef names an object that is not in the input or cannot be scaled.',
    rationale:
      'The autoscaler looks its target up by API group, kind and name in its own namespace and scales it through the /scale subresource. When the target does not exist (or has no /scale), the HPA reports AbleToScale=False (FailedGetScale) and never adds replicas, so the workload cannot absorb load.',
  },
  check(ctx) {
    for (const hpa of horizontalPodAutoscalers(ctx.graph)) {
      const target = scaleTargetRefOf(hpa.object);
      if (!target || target.kind === undefined || target.name === undefined) continue; // schema reports malformed refs
      const { kind, name, group } = target;
      const namespace = hpa.ref.namespace ?? 'default';
      const found = findScaleTargets(ctx.graph, namespace, target);
      if (found.length > 0) {
        if (mayHaveScaleSubresource(found[0].ref.group, kind)) continue;
        ctx.report({
          node: { manifest: hpa, path: [...target.path, 'kind'] },
          message: `${formatRef(hpa.ref)} targets ${formatRef(found[0].ref)}, but a ${kind} has no /scale subresource, so the autoscaler fails with FailedGetScale and never scales it.`,
          related: [{ node: { manifest: found[0], path: ['metadata', 'name'] }, note: 'the target' }],
        });
        continue;
      }
      // The object exists under another API group: apiVersion is missing or wrong.
      const groups = equivalentGroups(group, kind);
      const otherGroup = ctx.graph.ofKind(kind).find((m) => m.ref.namespace === namespace && m.ref.name === name && !groups.includes(m.ref.group));
      if (otherGroup) {
        const wrote = target.apiVersion === undefined ? 'sets no apiVersion' : `names apiVersion "${target.apiVersion}"`;
        ctx.report({
          node: target.apiVersion === undefined ? { manifest: hpa, path: target.path, part: 'key' } : { manifest: hpa, path: [...target.path, 'apiVersion'] },
          message: `${formatRef(hpa.ref)} targets ${kind} "${name}" but ${wrote}, while ${formatRef(otherGroup.ref)} is in API group "${otherGroup.ref.group}", so the autoscaler fails with FailedGetScale (no matches for kind "${kind}" in group "${group}") and never scales it; set apiVersion to "${suggestedApiVersion(otherGroup)}".`,
          related: [{ node: { manifest: otherGroup, path: ['metadata', 'name'] }, note: 'the intended target' }],
        });
        continue;
      }
      const verdict = missingReference(ctx, { group, kind, namespace, name });
      if (!verdict.report) continue;
      // A workload of that name under another kind shows the input meant to define the target.
      const otherKind = SCALABLE_KINDS.filter((k) => k !== kind)
        .flatMap((k) => ctx.graph.ofKind(k))
        .find((m) => m.ref.namespace === namespace && m.ref.name === name);
      const hint = otherKind ? ` (${formatRef(otherKind.ref)} exists: check scaleTargetRef.kind)` : '';
      const capped = verdict.maxSeverity !== undefined && !otherKind;
      ctx.report({
        node: { manifest: hpa, path: [...target.path, 'name'] },
        message: `${formatRef(hpa.ref)} scales ${kind} "${name}", which is not in the input in namespace "${namespace}", so the autoscaler fails with FailedGetScale and never scales anything${hint}${capped ? absentKindNote(kind) : ''}.`,
        maxSeverity: capped ? verdict.maxSeverity : undefined,
        related: otherKind ? [{ node: { manifest: otherKind, path: ['metadata', 'name'] }, note: 'a workload of that name' }] : [],
      });
    }
  },
});
