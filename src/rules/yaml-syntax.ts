import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    category: 'syntax',
    severity: 'error',
    description: 'A file or document that cannot be read as YAML: syntax errors, duplicate keys, alias bombs, bad encoding.',
    rationale:
      'kubectl and the API server reject a document that does not parse, so nothing in it is applied. Duplicate keys are rejected by the strict decoder, and an alias bomb is a denial-of-service attempt.',
  },
  check(ctx) {
    for (const p of ctx.graph.problems) {
      if (p.ruleId !== 'yaml-syntax') continue;
      ctx.report({ location: { file: p.file, range: p.range }, message: p.message, severity: p.severity });
    }
  },
});
