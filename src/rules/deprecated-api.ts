import {
  availabilityIn,
  formatGvk,
  lifecycleOf,
  migrationIn,
  predecessorIn,
  type ApiLifecycle,
} from '../schema/api-lifecycle.js';
import type { GroupVersionKind } from '../schema/types.js';
import { defineRule } from './types.js';

/** `; use networking.k8s.io/v1 Ingress (note: …)`, or what to do when nothing replaces it. */
function advice(entry: ApiLifecycle, target: string): string {
  const migration = migrationIn(entry.gvk, target);
  if (migration) {
    const notes = migration.changes.length ? ` (note: ${migration.changes.join('; ')})` : '';
    return `; use ${formatGvk(migration.to.gvk)}${notes}`;
  }
  return entry.note ? `; ${entry.note}` : '';
}

export default defineRule({
  meta: {
    id: 'deprecated-api',
    category: 'configuration',
    severity: 'warning',
    rejectsObject: true,
    description:
      'An apiVersion/kind that the target Kubernetes version has removed (error), does not have yet (error) or deprecates (warning).',
    rationale:
      'The API server rejects an object whose apiVersion it no longer serves ("no matches for kind"), so manifests written for an older cluster fail on upgrade; a deprecated version still works but is scheduled for removal, and the API server warns on every use. An apiVersion newer than the cluster is rejected the same way.',
  },
  check(ctx) {
    const target = ctx.run.kubernetesVersion;
    for (const m of ctx.graph.manifests) {
      const gvk: GroupVersionKind = { group: m.ref.group, version: m.ref.version, kind: m.ref.kind };
      const entry = lifecycleOf(gvk);
      if (!entry) continue;
      const node = { manifest: m, path: ['apiVersion'] };
      const name = formatGvk(gvk);
      switch (availabilityIn(gvk, target)) {
        case 'removed':
          ctx.report({
            node,
            severity: 'error',
            message: `${name} was removed in Kubernetes ${entry.removed}${advice(entry, target)}.`,
          });
          break;
        case 'deprecated': {
          const removal = entry.removed ? ` and removed in ${entry.removed}` : ' (no removal scheduled)';
          ctx.report({
            node,
            message: `${name} is deprecated since ${entry.deprecated}${removal}${advice(entry, target)}.`,
          });
          break;
        }
        case 'not-yet-introduced': {
          const older = predecessorIn(gvk, target);
          const instead = older ? `; use ${formatGvk(older.gvk)} for that version` : '';
          ctx.report({
            node,
            severity: 'error',
            message: `${name} does not exist in Kubernetes ${target} (introduced in ${entry.introduced})${instead}.`,
          });
          break;
        }
        default:
          break;
      }
    }
  },
});
