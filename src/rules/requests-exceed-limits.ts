import { formatRef } from '../findings.js';
import { isSet, resourceListsOf, type ResourceLists } from '../k8s/container-resources.js';
import { containerDefaultsLookup } from '../k8s/limit-range.js';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../k8s/quantity.js';
import { isOvercommitAllowed } from '../k8s/resource-names.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RelatedNode, type RuleContext } from './types.js';

/** The quantity of a list entry, or undefined when it is absent or does not parse (invalid-quantity reports that). */
function quantityOf(list: Record<string, unknown>, resource: string): Quantity | undefined {
  if (!isSet(list, resource)) return undefined;
  const value = list[resource];
  const r = parseQuantity(typeof value === 'string' ? value.trim() : value);
  return r.ok ? r.quantity : undefined;
}

interface Holder {
  manifest: Manifest;
  /** Path of the object holding `resources` (a container, or the pod spec). */
  path: JsonPath;
  lists: ResourceLists;
  /** How messages name it: `Container "app" of Deployment/ns/web`, `The pod-level resources of Deployment/ns/web`. */
  label: string;
  /** Resources a LimitRange gives a default limit at admission (before the API server validates the pod). */
  defaultLimits?: ReadonlySet<string>;
}

/** Request/limit consistency of one ResourceRequirements, as the API server validates it. */
function checkRequirements(ctx: RuleContext, h: Holder): void {
  const { requests, limits } = h.lists;
  const at = (field: 'requests' | 'limits', r: string): JsonPath => [...h.path, 'resources', field, r];
  for (const r of Object.keys(requests)) {
    if (!isSet(requests, r)) continue;
    const request = quantityOf(requests, r);
    const limitNode: RelatedNode = { node: { manifest: h.manifest, path: at('limits', r) }, note: `the ${r} limit` };
    if (!isOvercommitAllowed(r)) {
      if (!isSet(limits, r)) {
        if (h.defaultLimits?.has(r)) continue;
        ctx.report({
          node: { manifest: h.manifest, path: at('requests', r) },
          message: `${h.label} requests ${r} but sets no ${r} limit; ${r} cannot be overcommitted, so the API server requires a limit equal to the request and rejects the object.`,
        });
        continue;
      }
      const limit = quantityOf(limits, r);
      if (request && limit && compareQuantities(request, limit) !== 0) {
        ctx.report({
          node: { manifest: h.manifest, path: at('requests', r) },
          message: `${h.label}: ${r} request ${formatQuantity(request)} must be equal to ${r} limit ${formatQuantity(limit)} (${r} cannot be overcommitted), so the API server rejects the object.`,
          related: [limitNode],
        });
      }
      continue;
    }
    const limit = quantityOf(limits, r);
    if (request && limit && compareQuantities(request, limit) > 0) {
      ctx.report({
        node: { manifest: h.manifest, path: at('requests', r) },
        message: `${h.label}: ${r} request ${formatQuantity(request)} must be less than or equal to ${r} limit ${formatQuantity(limit)}, so the API server rejects the object.`,
        related: [limitNode],
      });
    }
  }
}

export default defineRule({
  meta: {
    id: 'requests-exceed-limits',
    category: 'resources',
    severity: 'error',
    rejectsObject: true,
    description: 'A resource request greater than its limit, or an extended resource whose request and limit differ.',
    rationale:
      'The API server rejects a pod, or a workload whose pod template, has a request greater than its limit, or an extended resource (a GPU, huge pages) whose request differs from its limit or has no limit. When the limit is a LimitRange default, the workload is accepted but admission rejects every pod it tries to create, and only FailedCreate events tell why.',
  },
  check(ctx) {
    const defaultsIn = containerDefaultsLookup(ctx.graph.ofKind('LimitRange', ''));
    for (const entry of ctx.graph.podTemplates()) {
      const ref = formatRef(entry.manifest.ref);
      const spec = entry.template.spec;
      if (Object.hasOwn(spec, 'resources')) {
        checkRequirements(ctx, {
          manifest: entry.manifest,
          path: entry.template.specPath,
          lists: resourceListsOf(spec),
          label: `The pod-level resources of ${ref}`,
        });
      }
      const defaults = defaultsIn(entry.manifest);
      for (const c of entry.containers) {
        const lists = resourceListsOf(c.container);
        const label = `Container "${c.name}" of ${ref}`;
        checkRequirements(ctx, { manifest: entry.manifest, path: c.path, lists, label, defaultLimits: new Set(defaults.limits.keys()) });

        // A LimitRange default limit is applied where the container sets a request but no limit
        // (section 11.2): a request above that default makes the pod invalid after admission.
        for (const r of Object.keys(lists.requests)) {
          if (isSet(lists.limits, r) || !isOvercommitAllowed(r)) continue;
          const d = defaults.limits.get(r);
          if (!d) continue;
          const request = quantityOf(lists.requests, r);
          const parsed = parseQuantity(typeof d.value === 'string' ? d.value.trim() : d.value);
          if (!request || !parsed.ok || compareQuantities(request, parsed.quantity) <= 0) continue;
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'resources', 'requests', r] },
            message: `${label}: ${r} request ${formatQuantity(request)} must be less than or equal to ${r} limit ${formatQuantity(parsed.quantity)}, the default limit that ${formatRef(d.source.ref)} sets, so the pod is rejected at admission.`,
            related: [{ node: { manifest: d.source, path: d.path }, note: `the default ${r} limit of the LimitRange` }],
          });
        }
      }
    }
  },
});
