import { Minimatch } from 'minimatch';

/**
 * The config's `external:` list: objects provided outside the input (a vault operator's Secrets,
 * a ServiceAccount created by CI), as globs over `Kind/namespace/name` (namespaced kinds) or
 * `Kind/name` (cluster-scoped kinds), e.g. `Secret/*\/vault-*`, `ClusterRole/*`.
 */
export function externalMatcher(globs: readonly string[]): (ref: { kind: string; namespace?: string; name: string }) => boolean {
  const patterns = globs.map((g) => new Minimatch(g, { dot: true, nocase: false }));
  if (patterns.length === 0) return () => false;
  return (ref) => {
    const id = ref.namespace === undefined ? `${ref.kind}/${ref.name}` : `${ref.kind}/${ref.namespace}/${ref.name}`;
    return patterns.some((p) => p.match(id));
  };
}
