import path from 'node:path';
import { formatRef } from '../findings.js';
import { dns1123Label } from '../k8s/names.js';
import { defineRule } from './types.js';

/** Namespaces every cluster has. */
const BUILTIN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export default defineRule({
  meta: {
    id: 'missing-namespace',
    category: 'configuration',
    severity: 'warning',
    description: 'An object in a namespace that the input does not define, when the input defines Namespaces.',
    rationale:
      'The API server refuses to create an object in a namespace that does not exist ("namespaces ... not found"). When the input creates its own Namespaces, an object in another one usually carries a typo or a namespace that was renamed on one side only, and applying the input fails for that object.',
  },
  check(ctx) {
    const defined = ctx.graph.namespaceNames();
    if (defined.size === 0) return; // namespaces are managed outside the input
    const namespaceDirs = [...new Set(ctx.graph.ofKind('Namespace', '').map((m) => path.posix.dirname(m.source.file)))];
    for (const m of ctx.graph.manifests) {
      if (m.ref.namespace === undefined) continue; // cluster-scoped: metadata.namespace is ignored
      // In a repository of many apps, one app's Namespace says nothing about how another creates its own.
      const dir = path.posix.dirname(m.source.file);
      if (!namespaceDirs.some((d) => related(d, dir))) continue;
      const written = m.object.metadata.namespace;
      if (typeof written !== 'string' || written === '') continue; // the run's default namespace
      if (defined.has(written) || BUILTIN_NAMESPACES.has(written)) continue;
      if (dns1123Label(written).length > 0) continue; // not a namespace name (an unrendered template, a typo the name rules report)
      if (ctx.run.isExternal({ kind: 'Namespace', name: written })) continue;
      const nearest = closest(written, defined);
      const hint = nearest ? ` (did you mean "${nearest}"?)` : '';
      ctx.report({
        node: { manifest: m, path: ['metadata', 'namespace'] },
        message: `${formatRef(m.ref)} is in namespace "${written}", which the input does not define, so applying it fails with namespaces "${written}" not found unless the namespace is created elsewhere${hint}.`,
      });
    }
  },
});

/** True when one folder contains the other (or they are the same). */
function related(a: string, b: string): boolean {
  const within = (inner: string, outer: string): boolean => outer === '.' || inner === outer || inner.startsWith(`${outer}/`);
  return within(a, b) || within(b, a);
}

/** The one defined namespace within a small edit distance of `name` (a likely typo), if exactly one is. */
function closest(name: string, defined: ReadonlySet<string>): string | undefined {
  if (name.length < 4) return undefined; // every short name is "near" every other
  const max = name.length <= 5 ? 1 : 2;
  const near = [...defined].filter((d) => editDistance(name, d) <= max);
  return near.length === 1 ? near[0] : undefined;
}

/** Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
