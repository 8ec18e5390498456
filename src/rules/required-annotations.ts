import { formatRef } from '../findings.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const DEFAULT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod', 'Service'];
const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : undefined);

export default defineRule({
  meta: {
    id: 'required-annotations',
    category: 'configuration',
    severity: 'warning',
    defaultOff: true,
    description: 'An object without the annotations the configuration requires (off by default).',
    rationale:
      'Teams put ownership and operational facts in annotations (owner, on-call contact, runbook URL, data classification). An object without them leaves whoever handles an incident or a cost report with nobody to ask; an admission policy that requires them rejects the object at apply time.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        annotations: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Annotation keys every checked object must carry with a non-empty value (default: owner).',
        },
        kinds: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Kinds to check ("*" for every kind). Default: the workload kinds and Service.',
        },
      },
    },
    defaults: { annotations: ['owner'], kinds: DEFAULT_KINDS },
  },
  check(ctx) {
    const required = stringList(ctx.options.annotations) ?? [];
    if (required.length === 0) return;
    const kinds = new Set(stringList(ctx.options.kinds) ?? DEFAULT_KINDS);
    for (const manifest of ctx.graph.manifests) {
      if (!kinds.has('*') && !kinds.has(manifest.ref.kind)) continue;
      const metadata = manifest.object.metadata;
      const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
      const missing = required.filter((k) => annotations[k] === undefined || annotations[k] === null || annotations[k] === '');
      if (missing.length === 0) continue;
      const hasMap = isRecord(metadata.annotations);
      ctx.report({
        node: { manifest, path: hasMap ? ['metadata', 'annotations'] : ['metadata', 'name'], part: hasMap ? 'key' : 'value' },
        message: `${formatRef(manifest.ref)} lacks the required annotation${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(', ')}, so the information the team agreed to record there is missing for it.`,
      });
    }
  },
});
