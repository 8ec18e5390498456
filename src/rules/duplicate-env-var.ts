import { formatRef } from '../findings.js';
import { containerLabel } from '../k8s/container-label.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'duplicate-env-var',
    category: 'correctness',
    severity: 'warning',
    description: 'A container that defines the same env var name twice in env.',
    rationale:
      'When env lists a name twice, the container sees only the last entry: the first value is silently dropped. It usually means a merge or a copy went wrong, and whoever edits the first entry sees no effect. Server-side apply and some tools reject or mangle the duplicate.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        const first = new Map<string, number>();
        env.forEach((e, i) => {
          if (!isRecord(e) || typeof e.name !== 'string') return;
          const earlier = first.get(e.name);
          if (earlier === undefined) {
            first.set(e.name, i);
            return;
          }
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'env', i, 'name'] },
            message: `Env var "${e.name}" is defined again in ${containerLabel(c)} of ${formatRef(entry.manifest.ref)}, and the kubelet keeps only the last definition, so the earlier ones are silently ignored.`,
            related: [{ node: { manifest: entry.manifest, path: [...c.path, 'env', earlier, 'name'] }, note: 'the earlier definition' }],
          });
        });
      }
    }
  },
});
