import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'object-shape',
    category: 'syntax',
    severity: 'error',
    rejectsObject: true,
    description: 'A document that is not an object with string apiVersion, kind and metadata.name (or generateName).',
    rationale:
      'The API server identifies every object by apiVersion, kind and name; a document missing one of them is rejected before any other check, and drydock cannot check it either.',
  },
  check(ctx) {
    for (const p of ctx.graph.problems) {
      if (p.ruleId !== 'object-shape') continue;
      ctx.report({ location: { file: p.file, range: p.range }, message: p.message });
    }
  },
});
