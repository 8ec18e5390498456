import { formatRef } from '../findings.js';
import { toDisplayPath } from '../resolver/discover.js';
import type { JsonPath } from '../resolver/source-map.js';
import { availabilityIn } from '../schema/api-lifecycle.js';
import { issuesFromErrors } from '../schema/issues.js';
import { stripNulls } from '../schema/normalize.js';
import type { SchemaIssue, SchemaOrigin } from '../schema/types.js';
import { defineRule } from './types.js';

/** Paths whose values may be secrets: never quoted in messages. */
function sensitivePath(kind: string, path: JsonPath): boolean {
  if (kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData')) return true;
  const envAt = path.lastIndexOf('env');
  if (envAt !== -1 && path[envAt + 2] === 'value') return true;
  return path.includes('annotations');
}

function consequence(issue: SchemaIssue, ref: string): string {
  return issue.keyword === 'additionalProperties'
    ? `kubectl's strict field validation rejects ${ref}`
    : `the API server rejects ${ref}`;
}

function originNote(origin: SchemaOrigin): string {
  switch (origin.kind) {
    case 'builtin':
      return '';
    case 'crd':
      return ` (schema from CustomResourceDefinition ${origin.crd})`;
    case 'schema-dir':
      return ` (schema ${origin.file})`;
  }
}

export default defineRule({
  meta: {
    id: 'schema',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description:
      'A field that does not match the API schema of its kind: wrong type, missing required field, unknown field, value outside an enum.',
    rationale:
      'The API server validates every object against the schema of its kind before anything else and rejects the whole object on the first mismatch; kubectl validates unknown fields strictly, so a misspelled field fails the apply instead of being silently dropped. Custom resources are checked against the CRDs of the input the same way.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { strict: { type: 'boolean', description: 'Report fields the schema does not know (default true).' } },
    },
    defaults: { strict: true },
    // The rules that explain an API-server rejection more precisely win at the same place.
    supersededBy: [
      'object-shape',
      'invalid-name',
      'label-syntax',
      'selector-mismatch',
      'invalid-probe',
      'probe-port',
      'requests-exceed-limits',
      'invalid-quantity',
      'config-key-syntax',
      'service-target-port',
    ],
  },
  check(ctx) {
    const registry = ctx.run.schemas();
    const strict = ctx.options.strict !== false;
    for (const m of ctx.graph.manifests) {
      const gvk = { group: m.ref.group, version: m.ref.version, kind: m.ref.kind };
      const availability = availabilityIn(gvk, ctx.run.kubernetesVersion);
      // A removed or not-yet-introduced API is deprecated-api's finding; its schema is moot.
      if (availability === 'removed' || availability === 'not-yet-introduced') continue;
      const { schema } = registry.lookup(gvk);
      if (!schema) continue;
      const data = stripNulls(m.object);
      if (schema.validate(data)) continue;
      const ref = formatRef(m.ref);
      const issues = issuesFromErrors(schema.validate.errors ?? [], data, {
        strict: strict && !schema.preservesUnknownFields,
        redact: (path) => sensitivePath(m.ref.kind, path),
      });
      for (const issue of issues) {
        ctx.report({
          node: { manifest: m, path: issue.path, part: issue.part },
          message: `${issue.message}${originNote(schema.origin)}, so ${consequence(issue, ref)}.`,
        });
      }
    }
    for (const p of registry.crdProblems()) {
      ctx.report({
        node: { manifest: p.manifest, path: p.path, part: p.part },
        message: `${p.message}; custom resources of ${formatRef(p.manifest.ref)} cannot be validated against it.`,
      });
    }
    for (const p of registry.schemaDirProblems()) {
      ctx.report({
        location: { file: toDisplayPath(ctx.run.cwd, p.file), range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
        message: `${p.message}; objects of this kind are not validated.`,
      });
    }
  },
});
