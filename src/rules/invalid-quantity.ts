import { formatRef } from '../findings.js';
import { formatQuantity, parseQuantity } from '../k8s/quantity.js';
import { isIntegerResource } from '../k8s/resource-names.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord } from '../k8s/values.js';

const NANO = 1_000_000_000n;

interface ListCheck {
  manifest: Manifest;
  /** Path of the resource list (a map of resource name → quantity). */
  path: JsonPath;
  /** Names the list in messages, given the resource name: `Container "app" of Deployment/ns/web: memory limit`. */
  describe: (resource: string) => string;
  /** Object-count and extended resources must be whole numbers (container, pod and quota lists). */
  integers?: boolean;
  /** Resources that must be greater than zero (`storage` of a claim's requests). */
  positive?: readonly string[];
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'a map';
}

/** One quantity: what is wrong with it, or undefined when Kubernetes accepts it. */
function problemOf(value: unknown, resource: string, check: ListCheck): string | undefined {
  // The API server trims spaces around a quantity before parsing it.
  const parsed = parseQuantity(typeof value === 'string' ? value.trim() : value);
  if (!parsed.ok) return `${shown(value)}, which is not a valid quantity (${parsed.error})`;
  const q = parsed.quantity;
  if (q.nanos < 0n) return `${formatQuantity(q)}, which is negative (it must be greater than or equal to 0)`;
  if (check.integers && isIntegerResource(resource) && q.nanos % NANO !== 0n)
    return `${formatQuantity(q)}, which is not a whole number (${resource} is counted in whole units)`;
  if (check.positive?.includes(resource) && q.nanos === 0n) return `0, but it must be greater than zero`;
  return undefined;
}

function checkList(ctx: RuleContext, list: unknown, check: ListCheck): void {
  if (!isRecord(list)) return; // a list of the wrong type is the schema's business
  for (const [resource, value] of Object.entries(list)) {
    if (value === null || value === undefined) continue; // null decodes to a zero quantity
    const problem = problemOf(value, resource, check);
    if (!problem) continue;
    ctx.report({
      node: { manifest: check.manifest, path: [...check.path, resource] },
      message: `${check.describe(resource)} is ${problem}, so the API server rejects ${formatRef(check.manifest.ref)}.`,
    });
  }
}

function checkSingle(ctx: RuleContext, manifest: Manifest, path: JsonPath, value: unknown, describe: string): void {
  if (value === null || value === undefined) return;
  const problem = problemOf(value, '', { manifest, path, describe: () => describe });
  if (!problem) return;
  ctx.report({ node: { manifest, path }, message: `${describe} is ${problem}, so the API server rejects ${formatRef(manifest.ref)}.` });
}

/** `spec.resources` of a PersistentVolumeClaim spec (a claim, a claim template, an ephemeral volume). */
function checkClaimSpec(ctx: RuleContext, manifest: Manifest, specPath: JsonPath, spec: unknown, owner: string): void {
  if (!isRecord(spec) || !isRecord(spec.resources)) return;
  const resources = spec.resources;
  const path = [...specPath, 'resources'];
  checkList(ctx, resources.requests, { manifest, path: [...path, 'requests'], describe: (r) => `The ${r} request${owner}`, positive: ['storage'] });
  checkList(ctx, resources.limits, { manifest, path: [...path, 'limits'], describe: (r) => `The ${r} limit${owner}` });
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export default defineRule({
  meta: {
    id: 'invalid-quantity',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: 'A resource quantity that does not parse, or is negative (or fractional, or zero) where Kubernetes forbids it.',
    rationale:
      'Quantities such as `512Mi` or `250m` are parsed by the API server. A typo such as `1GB`, `1K` or `500 Mi` does not parse, and a negative request, a fractional GPU count or a zero-sized claim fails validation, so the whole object is rejected at apply time and nothing of it reaches the cluster.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const m = entry.manifest;
      const spec = entry.template.spec;
      const specPath = entry.template.specPath;
      for (const c of entry.containers) {
        const res = c.container.resources;
        if (!isRecord(res)) continue;
        const who = `of container "${c.name}"`;
        checkList(ctx, res.requests, { manifest: m, path: [...c.path, 'resources', 'requests'], describe: (r) => `The ${r} request ${who}`, integers: true });
        checkList(ctx, res.limits, { manifest: m, path: [...c.path, 'resources', 'limits'], describe: (r) => `The ${r} limit ${who}`, integers: true });
      }
      if (isRecord(spec.resources)) {
        const path = [...specPath, 'resources'];
        checkList(ctx, spec.resources.requests, { manifest: m, path: [...path, 'requests'], describe: (r) => `The pod-level ${r} request`, integers: true });
        checkList(ctx, spec.resources.limits, { manifest: m, path: [...path, 'limits'], describe: (r) => `The pod-level ${r} limit`, integers: true });
      }
      checkList(ctx, spec.overhead, { manifest: m, path: [...specPath, 'overhead'], describe: (r) => `The pod overhead for ${r}`, integers: true });
      asArray(spec.volumes).forEach((v, i) => {
        if (!isRecord(v)) return;
        const name = typeof v.name === 'string' ? v.name : `#${i}`;
        if (isRecord(v.emptyDir)) {
          checkSingle(ctx, m, [...specPath, 'volumes', i, 'emptyDir', 'sizeLimit'], v.emptyDir.sizeLimit, `The sizeLimit of emptyDir volume "${name}"`);
        }
        if (isRecord(v.ephemeral) && isRecord(v.ephemeral.volumeClaimTemplate)) {
          const tplPath = [...specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'spec'];
          checkClaimSpec(ctx, m, tplPath, v.ephemeral.volumeClaimTemplate.spec, ` of ephemeral volume "${name}"`);
        }
      });
    }

    for (const sts of ctx.graph.ofKind('StatefulSet', 'apps')) {
      const spec = sts.object.spec;
      if (!isRecord(spec)) continue;
      asArray(spec.volumeClaimTemplates).forEach((t, i) => {
        if (!isRecord(t)) return;
        const name = isRecord(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : `#${i}`;
        checkClaimSpec(ctx, sts, ['spec', 'volumeClaimTemplates', i, 'spec'], t.spec, ` of volume claim template "${name}"`);
      });
    }

    for (const pvc of ctx.graph.ofKind('PersistentVolumeClaim', '')) {
      checkClaimSpec(ctx, pvc, ['spec'], pvc.object.spec, '');
    }

    for (const pv of ctx.graph.ofKind('PersistentVolume', '')) {
      const spec = pv.object.spec;
      if (!isRecord(spec)) continue;
      checkList(ctx, spec.capacity, { manifest: pv, path: ['spec', 'capacity'], describe: (r) => `The ${r} capacity` });
    }

    for (const quota of ctx.graph.ofKind('ResourceQuota', '')) {
      const spec = quota.object.spec;
      if (!isRecord(spec)) continue;
      checkList(ctx, spec.hard, { manifest: quota, path: ['spec', 'hard'], describe: (r) => `The hard limit for ${r}`, integers: true });
    }

    for (const lr of ctx.graph.ofKind('LimitRange', '')) {
      const spec = lr.object.spec;
      if (!isRecord(spec)) continue;
      asArray(spec.limits).forEach((item, i) => {
        if (!isRecord(item)) return;
        for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
          checkList(ctx, item[field], { manifest: lr, path: ['spec', 'limits', i, field], describe: (r) => `The ${field} ${r} of spec.limits[${i}]` });
        }
      });
    }
  },
});
