import { formatRef } from '../findings.js';
import { isRecord, valueAt } from '../k8s/values.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule } from './types.js';

const DEFAULT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod', 'Service'];

const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : undefined);

/** The required labels a metadata map lacks (absent, null or empty). */
function missingLabels(metadata: unknown, required: readonly string[]): string[] {
  const labels = isRecord(metadata) && isRecord(metadata.labels) ? metadata.labels : {};
  return required.filter((key) => labels[key] === undefined || labels[key] === null || labels[key] === '');
}

/** Where to point for labels missing from the metadata at `metadataPath`: `labels:`, `metadata:` or the owner key. */
function anchor(owner: unknown, metadataPath: JsonPath): JsonPath {
  const metadata = isRecord(owner) ? owner.metadata : undefined;
  if (isRecord(metadata) && isRecord(metadata.labels)) return [...metadataPath, 'labels'];
  if (isRecord(metadata)) return metadataPath;
  return metadataPath.slice(0, -1);
}

const quoteList = (keys: readonly string[]): string => `label${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;

export default defineRule({
  meta: {
    id: 'required-labels',
    category: 'configuration',
    severity: 'warning',
    defaultOff: true,
    description: 'An object or pod template without the labels the configuration requires (off by default).',
    rationale:
      'Teams select, group and bill workloads by labels: kubectl -l, dashboards, cost reports, alert routing, network and admission policies. An object without the agreed labels is silently left out of all of them. Pods do not inherit their workload\'s labels, only their template\'s, so the template needs them too.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        labels: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Label keys every checked object must carry with a non-empty value.',
        },
        kinds: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Kinds to check ("*" for every kind). Default: the workload kinds and Service.',
        },
        podTemplates: {
          type: 'boolean',
          description: 'Also check the pod templates of the checked workloads (default true).',
        },
      },
    },
    defaults: { labels: ['app.kubernetes.io/name'], kinds: DEFAULT_KINDS, podTemplates: true },
  },
  check(ctx) {
    const required = stringList(ctx.options.labels) ?? [];
    if (required.length === 0) return;
    const kinds = new Set(stringList(ctx.options.kinds) ?? DEFAULT_KINDS);
    const checkTemplates = ctx.options.podTemplates !== false;
    for (const manifest of ctx.graph.manifests) {
      if (!kinds.has('*') && !kinds.has(manifest.ref.kind)) continue;
      const ref = formatRef(manifest.ref);
      const missing = missingLabels(manifest.object.metadata, required);
      if (missing.length > 0) {
        const metadata = manifest.object.metadata;
        const path: JsonPath = isRecord(metadata.labels) ? ['metadata', 'labels'] : ['metadata', 'name'];
        ctx.report({
          node: { manifest, path, part: isRecord(metadata.labels) ? 'key' : 'value' },
          message: `${ref} lacks the required ${quoteList(missing)}, so selections and reports by ${missing.length > 1 ? 'these labels' : 'that label'} (kubectl -l, dashboards, cost reports, policies) leave it out.`,
        });
      }
      if (!checkTemplates || manifest.ref.kind === 'Pod') continue;
      const entry = ctx.graph.podTemplateOf(manifest);
      if (!entry) continue;
      const templateMissing = missingLabels(entry.template.metadata, required);
      if (templateMissing.length === 0) continue;
      const owner = valueAt(manifest.object, entry.template.path);
      ctx.report({
        node: { manifest, path: anchor(owner, entry.template.metadataPath), part: 'key' },
        message: `The pod template of ${ref} lacks the required ${quoteList(templateMissing)}, so its pods do not carry ${templateMissing.length > 1 ? 'them' : 'it'} (pods get only their template's labels, not their workload's) and selections by ${templateMissing.length > 1 ? 'these labels' : 'that label'} miss them.`,
      });
    }
  },
});
