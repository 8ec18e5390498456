import { formatRef } from '../findings.js';
import { customResourcesSelected } from '../k8s/operator-pods.js';
import { formatSelector, isEmptySelector, labelsOf, matchesSelector, parseLabelSelector, type Selector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';

const GROUPS = new Set(['networking.k8s.io', 'extensions']);
const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * The namespaces a peer's namespaceSelector selects, or undefined when that cannot be known from the
 * input (it selects by labels and the input defines no Namespace objects).
 */
function selectedNamespaces(ctx: RuleContext, selector: Selector): string[] | undefined {
  const pinned = selector.matchLabels[NAME_LABEL];
  if (pinned !== undefined && Object.keys(selector.matchLabels).length === 1 && selector.matchExpressions.length === 0) return [pinned];
  const namespaces = ctx.graph.ofKind('Namespace', '');
  if (namespaces.length === 0) return undefined;
  return namespaces.filter((ns) => matchesSelector(selector, { ...labelsOf(ns.object.metadata.labels), [NAME_LABEL]: ns.ref.name })).map((ns) => ns.ref.name);
}

function hasPods(ctx: RuleContext, namespace: string, selector: Selector): boolean {
  return ctx.graph.selectPodTemplates(namespace, selector).length > 0 || customResourcesSelected(ctx.graph, namespace, selector).length > 0;
}

export default defineRule({
  meta: {
    id: 'dangling-network-policy-peer',
    category: 'networking',
    severity: 'warning',
    description: 'A NetworkPolicy ingress or egress peer whose podSelector matches no pod template in the namespaces it applies to.',
    rationale:
      'A from/to peer allows traffic only from (or to) the pods its podSelector matches. When no pod carries those labels (a label typo, pods in another namespace than the peer selects), the peer allows nothing, and the traffic the rule was written for is dropped by the policy: connections time out with no error anywhere.',
  },
  check(ctx) {
    for (const np of ctx.graph.ofKind('NetworkPolicy')) {
      if (!GROUPS.has(np.ref.group)) continue;
      const spec = np.object.spec;
      if (!isRecord(spec)) continue;
      for (const [direction, peerKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
        const rules = spec[direction];
        if (!Array.isArray(rules)) continue;
        rules.forEach((rule, r) => {
          if (!isRecord(rule) || !Array.isArray(rule[peerKey])) return;
          (rule[peerKey] as unknown[]).forEach((peer, p) => checkPeer(ctx, np, peer, ['spec', direction, r, peerKey, p]));
        });
      }
    }
  },
});

function checkPeer(ctx: RuleContext, np: Manifest, peer: unknown, path: JsonPath): void {
  if (!isRecord(peer) || peer.podSelector === undefined || peer.podSelector === null) return;
  const pods = parseLabelSelector(peer.podSelector);
  if (!pods.ok || isEmptySelector(pods.selector)) return;
  let namespaces: string[] | undefined;
  if (peer.namespaceSelector === undefined || peer.namespaceSelector === null) namespaces = [np.ref.namespace ?? 'default'];
  else {
    const ns = parseLabelSelector(peer.namespaceSelector);
    if (!ns.ok) return;
    // Every namespace: pods may run in namespaces the input does not describe (an ingress controller).
    if (isEmptySelector(ns.selector)) return;
    namespaces = selectedNamespaces(ctx, ns.selector);
    if (namespaces === undefined) return;
  }
  // Only namespaces whose workloads the input describes can be judged.
  const known = new Set(ctx.graph.podTemplates().map((e) => e.namespace));
  known.delete('kube-system'); // cluster add-ons (DNS, CNI, metrics) run there without being in the input
  namespaces = namespaces.filter((ns) => known.has(ns));
  if (namespaces.length === 0) return;
  if (namespaces.some((ns) => hasPods(ctx, ns, pods.selector))) return;
  const where = peer.namespaceSelector === undefined || peer.namespaceSelector === null ? `namespace "${namespaces[0]}"` : `the namespaces it selects (${namespaces.map((n) => `"${n}"`).join(', ')})`;
  ctx.report({
    node: { manifest: np, path: [...path, 'podSelector'], part: 'key' },
    message: `A peer of ${formatRef(np.ref)} selects pods with ${formatSelector(pods.selector)}, but no pod template in ${where} has these labels, so this peer allows no traffic and the connections it was meant to allow are dropped.`,
  });
}
