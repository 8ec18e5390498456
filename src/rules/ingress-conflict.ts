import { formatRef } from '../findings.js';
import {
  defaultIngressClassName,
  formatIngressBackend,
  ingressBackendKey,
  ingressView,
  INGRESS_GROUPS,
  normalizeIngressHost,
  normalizeIngressPath,
  type IngressRulePath,
} from '../k8s/ingress.js';
import type { Manifest } from '../resolver/manifest.js';
import { defineRule } from './types.js';

interface Claim {
  manifest: Manifest;
  rulePath: IngressRulePath;
}

export default defineRule({
  meta: {
    id: 'ingress-conflict',
    category: 'networking',
    severity: 'error',
    description: 'Two Ingress rules that claim the same host, path and pathType for the same ingress class.',
    rationale:
      'An ingress controller merges the rules of every Ingress of its class into one routing table, so a host and path can lead to one backend only. When two Ingresses claim the same host and path, which one wins depends on the controller (often the older object), and ingress-nginx\'s admission webhook rejects the second Ingress outright; inside one Ingress, two entries with different backends leave one of them unreachable.',
  },
  check(ctx) {
    const ingresses = INGRESS_GROUPS.flatMap((g) => ctx.graph.ofKind('Ingress', g)).sort((a, b) => a.index - b.index);
    if (ingresses.length === 0) return;
    const defaultClass = defaultIngressClassName(ctx.graph.ofKind('IngressClass', 'networking.k8s.io'));
    const claims = new Map<string, Claim>();

    for (const ing of ingresses) {
      const view = ingressView(ing.object);
      if (!view) continue;
      const className = view.class.name ?? defaultClass;
      for (const rp of view.paths) {
        const host = normalizeIngressHost(rp.host);
        const path = normalizeIngressPath(rp.path, rp.pathType);
        const key = [className ?? '', host, rp.pathType, path].join('\u0000');
        const first = claims.get(key);
        if (!first) {
          claims.set(key, { manifest: ing, rulePath: rp });
          continue;
        }
        const sameManifest = first.manifest === ing;
        // The same object written twice (overlays, copies, or under extensions/ and networking.k8s.io/)
        // replaces itself in the cluster; duplicate-object reports that.
        if (!sameManifest && first.manifest.ref.namespace === ing.ref.namespace && first.manifest.ref.name === ing.ref.name) continue;
        const differentBackends = ingressBackendKey(first.rulePath.backend) !== ingressBackendKey(rp.backend);
        if (sameManifest && !differentBackends) continue; // a harmless repetition
        const what = `host ${host === '*' ? '"*" (every host)' : `"${host}"`} and path "${path}" (${rp.pathType})`;
        const cls = className === undefined ? 'with no ingress class' : `of ingress class "${className}"`;
        const message = sameManifest
          ? `${formatRef(ing.ref)} claims ${what} twice, for ${formatIngressBackend(first.rulePath.backend)} and for ${formatIngressBackend(rp.backend)}, so only one of the two backends ever receives this traffic.`
          : `${formatRef(ing.ref)} claims ${what} ${cls}, which ${formatRef(first.manifest.ref)} already claims, so the controller routes it to only one of them${differentBackends ? ` (${formatIngressBackend(first.rulePath.backend)} or ${formatIngressBackend(rp.backend)})` : ''} and ingress-nginx's admission webhook rejects the later Ingress.`;
        ctx.report({
          node: { manifest: ing, path: rp.pathPath },
          message,
          related: [{ node: { manifest: first.manifest, path: first.rulePath.pathPath }, note: 'first claimed here' }],
        });
      }
    }
  },
});
