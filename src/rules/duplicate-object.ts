import { formatRef } from '../findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'duplicate-object',
    category: 'correctness',
    severity: 'error',
    description: 'Two objects in the input with the same API group, kind, namespace and name.',
    rationale:
      'The API server knows one object per group, kind, namespace and name. When the input defines it twice, `kubectl apply` applies both in turn and the later definition silently overwrites the earlier one (and `kubectl create` fails with AlreadyExists), so one of the two definitions never takes effect.',
  },
  check(ctx) {
    for (const m of ctx.graph.manifests) {
      const name = m.object.metadata.name;
      // Objects with only generateName get a fresh name from the server: never duplicates.
      if (typeof name !== 'string' || name === '') continue;
      const all = ctx.graph.getAll(m.ref);
      if (all.length < 2 || all[0] === m) continue;
      const first = all[0];
      const where = first.source.map.rangeOf(['metadata', 'name']);
      const firstAt =
        first.source.file === m.source.file
          ? `line ${where.range.startLine}`
          : `${first.source.file}:${where.range.startLine}`;
      ctx.report({
        node: { manifest: m, path: ['metadata', 'name'] },
        message: `${formatRef(m.ref)} is already defined at ${firstAt}, so applying the input makes this definition silently replace the first one.`,
        related: [{ node: { manifest: first, path: ['metadata', 'name'] }, note: 'first defined here' }],
      });
    }
  },
});
