import { formatRef } from '../findings.js';
import { isWorkloadKind } from '../k8s/pod-template.js';
import { labelValue, qualifiedName } from '../k8s/names.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord, notAStringHint, typeName, utf8Length, valueAt } from '../k8s/values.js';

/** `metadata.annotations: Too long: must have at most 262144 bytes` (ValidateAnnotationsSize). */
const MAX_ANNOTATIONS_BYTES = 262144;

export default defineRule({
  meta: {
    id: 'label-syntax',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description:
      'Label and annotation keys, label values and selector labels that the API server rejects, non-string values, and oversized annotations.',
    rationale:
      'Labels and annotations are maps of strings with strict key syntax (an optional DNS subdomain prefix and a name of at most 63 characters) and, for labels, strict value syntax; the annotations of one object may not exceed 256 KiB. The API server rejects an object that breaks any of these rules, and a non-string value (an unquoted `true` or `1.0`) cannot even be decoded, so the whole object fails to apply.',
  },
  check(ctx) {
    for (const m of ctx.graph.manifests) {
      checkMetadata(ctx, m, ['metadata'], m.object.metadata);
      checkSelectors(ctx, m);
    }
    for (const entry of ctx.graph.podTemplates()) {
      if (entry.template.path.length === 0) continue; // a Pod: its metadata was checked above
      const raw = valueAt(entry.manifest.object, entry.template.metadataPath);
      if (isRecord(raw)) checkMetadata(ctx, entry.manifest, entry.template.metadataPath, raw, 'the pod template of ');
    }
    // CronJob job templates carry their own metadata, validated like any object's.
    for (const m of ctx.graph.ofKind('CronJob', 'batch')) {
      const path = ['spec', 'jobTemplate', 'metadata'];
      const raw = valueAt(m.object, path);
      if (isRecord(raw)) checkMetadata(ctx, m, path, raw, 'the job template of ');
    }
  },
});


function checkMetadata(ctx: RuleContext, m: Manifest, metaPath: JsonPath, meta: Record<string, unknown>, where = ''): void {
  const owner = `${where}${formatRef(m.ref)}`;
  checkLabelMap(ctx, m, [...metaPath, 'labels'], meta.labels, `the labels of ${owner}`);
  checkAnnotations(ctx, m, [...metaPath, 'annotations'], meta.annotations, owner);
}

/**
 * Checks a map of labels (object labels or a map selector). A null value is reported as a warning
 * (the API server stores it as "" but older kubectl versions dropped every label of the object).
 */
function checkLabelMap(ctx: RuleContext, m: Manifest, path: JsonPath, value: unknown, what: string): void {
  if (value === undefined || value === null) return; // absent or empty: no labels
  if (!isRecord(value)) {
    ctx.report({
      node: { manifest: m, path },
      message: `${capital(what)} are ${typeName(value)} instead of a mapping of strings, so the API server cannot decode the object.`,
    });
    return;
  }
  checkLabelEntries(ctx, m, path, value, what, 'warn');
}

function checkAnnotations(ctx: RuleContext, m: Manifest, path: JsonPath, value: unknown, owner: string): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    ctx.report({
      node: { manifest: m, path },
      message: `The annotations of ${owner} are ${typeName(value)} instead of a mapping of strings, so the API server cannot decode the object.`,
    });
    return;
  }
  let total = 0;
  for (const [key, v] of Object.entries(value)) {
    total += utf8Length(key);
    const keyErrs = qualifiedName(key);
    if (keyErrs.length > 0)
      ctx.report({
        node: { manifest: m, path: [...path, key], part: 'key' },
        message: `Annotation key "${key}" of ${owner} is invalid, so the API server rejects the object: ${keyErrs.join('; ')}.`,
      });
    if (typeof v === 'string') {
      total += utf8Length(v);
    } else if (v === null || v === undefined) {
      ctx.report({
        node: { manifest: m, path: [...path, key] },
        severity: 'warning',
        message: `Annotation "${key}" of ${owner} has no value; the API server stores it as an empty string, but older kubectl versions drop every annotation of the object when applying it.`,
      });
    } else {
      // Never quote annotation values: they may hold anything.
      ctx.report({
        node: { manifest: m, path: [...path, key] },
        message: `Annotation "${key}" of ${owner} has ${typeName(v)} value, not a string, so the API server cannot decode the object${notAStringHint(v)}.`,
      });
    }
  }
  if (total > MAX_ANNOTATIONS_BYTES)
    ctx.report({
      node: { manifest: m, path },
      message: `The annotations of ${owner} total ${total} bytes, more than the ${MAX_ANNOTATIONS_BYTES} bytes the API server allows, so it rejects the object.`,
    });
}

/** Kinds whose `spec.selector` is a plain map (Service-style) rather than a LabelSelector. */
const isMapSelectorKind = (m: Manifest): boolean =>
  m.ref.group === '' && (m.ref.kind === 'Service' || m.ref.kind === 'ReplicationController');

/** Built-in kinds whose `spec.selector` is a metav1.LabelSelector validated by the API server. */
function hasLabelSelector(m: Manifest): boolean {
  if (m.ref.kind === 'Pod' || m.ref.kind === 'CronJob' || m.ref.kind === 'ReplicationController') return false;
  if (isWorkloadKind(m.ref.group, m.ref.kind)) return true;
  return m.ref.group === 'policy' && m.ref.kind === 'PodDisruptionBudget';
}

function checkSelectors(ctx: RuleContext, m: Manifest): void {
  const spec = m.object.spec;
  if (!isRecord(spec)) return;
  const owner = formatRef(m.ref);
  if (isMapSelectorKind(m)) {
    if (isRecord(spec.selector)) checkSelectorMap(ctx, m, ['spec', 'selector'], spec.selector, `the selector of ${owner}`);
    // A ReplicationController selector of the wrong shape is reported by selector-mismatch.
    else if (m.ref.kind === 'Service') reportNotAMap(ctx, m, ['spec', 'selector'], spec.selector, `The selector of ${owner}`);
    return;
  }
  if (!hasLabelSelector(m) || !isRecord(spec.selector)) return;
  const selector = spec.selector;
  if (isRecord(selector.matchLabels))
    checkSelectorMap(ctx, m, ['spec', 'selector', 'matchLabels'], selector.matchLabels, `the selector of ${owner}`);
  else reportNotAMap(ctx, m, ['spec', 'selector', 'matchLabels'], selector.matchLabels, `The matchLabels of ${owner}`);
  if (Array.isArray(selector.matchExpressions)) {
    selector.matchExpressions.forEach((e, i) => {
      if (!isRecord(e)) return;
      const exprPath: JsonPath = ['spec', 'selector', 'matchExpressions', i];
      if (typeof e.key === 'string') {
        const errs = qualifiedName(e.key);
        if (errs.length > 0)
          ctx.report({
            node: { manifest: m, path: [...exprPath, 'key'] },
            message: `Label key "${e.key}" in the selector of ${owner} is invalid, so the API server rejects the object: ${errs.join('; ')}.`,
          });
      }
      if (Array.isArray(e.values)) {
        e.values.forEach((v, j) => {
          if (typeof v !== 'string') return;
          const errs = labelValue(v);
          if (errs.length > 0)
            ctx.report({
              node: { manifest: m, path: [...exprPath, 'values', j] },
              message: `Label value "${v}" in the selector of ${owner} is invalid, so the API server rejects the object: ${errs.join('; ')}.`,
            });
        });
      }
    });
  }
}

/** Reports a label map that is a list or a scalar (absent and null are fine). */
function reportNotAMap(ctx: RuleContext, m: Manifest, path: JsonPath, value: unknown, what: string): void {
  if (value === undefined || value === null || isRecord(value)) return;
  ctx.report({
    node: { manifest: m, path },
    message: `${what} ${what.startsWith('The selector') ? 'is' : 'are'} ${typeName(value)} instead of a mapping of labels, so the API server cannot decode the object.`,
  });
}

/** Selector maps: keys and values like labels; a null value selects pods whose label is empty. */
function checkSelectorMap(ctx: RuleContext, m: Manifest, path: JsonPath, value: Record<string, unknown>, what: string): void {
  checkLabelEntries(ctx, m, path, value, what, 'accept');
}

/**
 * Label keys and values of a map. A null value is decoded as "": in object labels it is reported
 * as a warning (older kubectl versions dropped every label of the object), in selectors accepted.
 */
function checkLabelEntries(
  ctx: RuleContext,
  m: Manifest,
  path: JsonPath,
  value: Record<string, unknown>,
  what: string,
  nullValue: 'warn' | 'accept',
): void {
  for (const [key, v] of Object.entries(value)) {
    const keyErrs = qualifiedName(key);
    if (keyErrs.length > 0)
      ctx.report({
        node: { manifest: m, path: [...path, key], part: 'key' },
        message: `Label key "${key}" in ${what} is invalid, so the API server rejects the object: ${keyErrs.join('; ')}.`,
      });
    if (v === null || v === undefined) {
      if (nullValue === 'warn')
        ctx.report({
          node: { manifest: m, path: [...path, key] },
          severity: 'warning',
          message: `Label "${key}" in ${what} has no value; the API server stores it as an empty string, but older kubectl versions drop every label of the object when applying it.`,
        });
      continue;
    }
    if (typeof v !== 'string') {
      ctx.report({
        node: { manifest: m, path: [...path, key] },
        message: `Label "${key}" in ${what} has ${typeName(v)} value, not a string, so the API server cannot decode the object${notAStringHint(v)}.`,
      });
      continue;
    }
    const valueErrs = labelValue(v);
    if (valueErrs.length > 0)
      ctx.report({
        node: { manifest: m, path: [...path, key] },
        message: `Label "${key}" in ${what} has the invalid value "${v}", so the API server rejects the object: ${valueErrs.join('; ')}.`,
      });
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
