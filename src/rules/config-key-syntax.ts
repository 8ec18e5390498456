import { formatRef } from '../findings.js';
import { decodedBase64Length } from '../k8s/base64.js';
import { configMapKey } from '../k8s/names.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord, notAStringHint, typeName, utf8Length } from '../k8s/values.js';

/** `Too long: must have at most 1048576 bytes` (corev1.MaxSecretSize, used for ConfigMaps too). */
const MAX_DATA_BYTES = 1048576;

/**
 * A `data`-like field: returns its entries, or undefined after reporting a field that is not a
 * mapping (null and absent mean "no entries").
 */
function entriesOf(ctx: RuleContext, m: Manifest, field: string): [string, unknown][] | undefined {
  const value = m.object[field];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    ctx.report({
      node: { manifest: m, path: [field] },
      message: `The ${field} field of ${formatRef(m.ref)} is ${typeName(value)} instead of a mapping of keys to values, so the API server cannot decode the object.`,
    });
    return undefined;
  }
  return Object.entries(value);
}

function checkKeys(ctx: RuleContext, m: Manifest, field: string, entries: [string, unknown][]): void {
  for (const [key] of entries) {
    const errs = configMapKey(key);
    if (errs.length > 0)
      ctx.report({
        node: { manifest: m, path: [field, key], part: 'key' },
        message: `Key "${key}" in ${field} of ${formatRef(m.ref)} is not a valid ConfigMap/Secret key, so the API server rejects the object: ${errs.join('; ')}.`,
      });
  }
}

export default defineRule({
  meta: {
    id: 'config-key-syntax',
    category: 'configuration',
    severity: 'error',
    rejectsObject: true,
    description:
      'ConfigMap and Secret keys and values that the API server rejects: bad key syntax, keys in both data and binaryData, invalid base64, non-string values, and data over 1 MiB.',
    rationale:
      'ConfigMap and Secret keys become file names when mounted as volumes, so the API server only accepts keys of letters, digits, "-", "_" and "."; binary values must be standard base64 and every value must be a string; the data of one object may not exceed 1 MiB. An object that breaks any of these rules is rejected, and the pods that mount or reference it cannot start.',
  },
  check(ctx) {
    for (const m of ctx.graph.ofKind('ConfigMap', '')) checkConfigMap(ctx, m);
    for (const m of ctx.graph.ofKind('Secret', '')) checkSecret(ctx, m);
  },
});

function checkConfigMap(ctx: RuleContext, m: Manifest): void {
  const owner = formatRef(m.ref);
  const data = entriesOf(ctx, m, 'data') ?? [];
  const binary = entriesOf(ctx, m, 'binaryData') ?? [];
  checkKeys(ctx, m, 'data', data);
  checkKeys(ctx, m, 'binaryData', binary);

  let total = 0;
  const binaryKeys = new Set(binary.map(([k]) => k));
  for (const [key, value] of data) {
    if (binaryKeys.has(key))
      ctx.report({
        node: { manifest: m, path: ['data', key], part: 'key' },
        message: `Key "${key}" of ${owner} is in both data and binaryData, so the API server rejects the object (duplicate of key present in binaryData).`,
        related: [{ node: { manifest: m, path: ['binaryData', key], part: 'key' }, note: 'the same key in binaryData' }],
      });
    if (typeof value === 'string') total += utf8Length(value);
    else if (value !== null && value !== undefined)
      ctx.report({
        node: { manifest: m, path: ['data', key] },
        message: `The value of key "${key}" in data of ${owner} is ${typeName(value)}, not a string, so the API server cannot decode the object${notAStringHint(value)}.`,
      });
  }
  for (const [key, value] of binary) {
    const size = bytesOf(ctx, m, 'binaryData', key, value);
    if (size !== undefined) total += size;
  }
  reportSize(ctx, m, total);
}

function checkSecret(ctx: RuleContext, m: Manifest): void {
  const owner = formatRef(m.ref);
  const data = entriesOf(ctx, m, 'data') ?? [];
  const stringData = entriesOf(ctx, m, 'stringData') ?? [];
  checkKeys(ctx, m, 'data', data);
  checkKeys(ctx, m, 'stringData', stringData);

  // stringData is merged into data by the API server (stringData wins); the limit applies to the result.
  const sizes = new Map<string, number>();
  for (const [key, value] of data) {
    const size = bytesOf(ctx, m, 'data', key, value);
    sizes.set(key, size ?? 0);
  }
  for (const [key, value] of stringData) {
    if (typeof value === 'string') sizes.set(key, utf8Length(value));
    else if (value === null || value === undefined) sizes.set(key, 0);
    else
      ctx.report({
        node: { manifest: m, path: ['stringData', key] },
        message: `The value of key "${key}" in stringData of ${owner} is ${typeName(value)}, not a string, so the API server cannot decode the object${notAStringHint(value)}.`,
      });
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  reportSize(ctx, m, total);
}

/** Decoded size of a base64 (`[]byte`) value; reports values Go's decoder rejects. Never quotes the value. */
function bytesOf(ctx: RuleContext, m: Manifest, field: string, key: string, value: unknown): number | undefined {
  const owner = formatRef(m.ref);
  if (value === null || value === undefined) return 0;
  if (value instanceof Uint8Array) return value.length; // a YAML !!binary scalar
  if (typeof value !== 'string') {
    ctx.report({
      node: { manifest: m, path: [field, key] },
      message: `The value of key "${key}" in ${field} of ${owner} is ${typeName(value)}, not a base64 string, so the API server cannot decode the object.`,
    });
    return undefined;
  }
  const size = decodedBase64Length(value);
  if (size === undefined) {
    const plain = m.ref.kind === 'Secret' ? 'stringData' : 'data';
    ctx.report({
      node: { manifest: m, path: [field, key] },
      message: `The value of key "${key}" in ${field} of ${owner} is not valid base64 (standard alphabet, padded with "="), so the API server rejects the object; encode it, or move it to ${plain} as plain text.`,
    });
  }
  return size;
}

function reportSize(ctx: RuleContext, m: Manifest, total: number): void {
  if (total <= MAX_DATA_BYTES) return;
  ctx.report({
    node: { manifest: m, path: ['metadata', 'name'] },
    message: `The data of ${formatRef(m.ref)} totals ${total} bytes, more than the ${MAX_DATA_BYTES} bytes (1 MiB) the API server allows, so it rejects the object.`,
  });
}
