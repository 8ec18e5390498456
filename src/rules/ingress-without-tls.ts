import { formatRef } from '../findings.js';
import { INGRESS_GROUPS, ingressView } from '../k8s/ingress.js';
import { isRecord } from '../k8s/values.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule } from './types.js';

/** Annotations through which controllers attach certificates without spec.tls (GKE, AWS, Azure…). */
const CERTIFICATE_ANNOTATION = /cert|ssl|tls|https/i;

/** True when a TLS host entry covers the host (exactly, or as a `*.` wildcard one level up). */
function covered(host: string, tlsHosts: ReadonlySet<string>): boolean {
  if (tlsHosts.has(host)) return true;
  const dot = host.indexOf('.');
  return dot > 0 && tlsHosts.has(`*${host.slice(dot)}`);
}

export default defineRule({
  meta: {
    id: 'ingress-without-tls',
    category: 'security',
    severity: 'info',
    description: 'An Ingress that serves hosts without TLS: no spec.tls entry covers them and no certificate annotation is set.',
    rationale:
      'Without a TLS entry the Ingress controller serves the host over plain HTTP: credentials, cookies and data cross the network unencrypted and can be read or altered on the way. A tls entry with a certificate Secret (or a controller certificate annotation) makes it serve HTTPS.',
  },
  check(ctx) {
    for (const group of INGRESS_GROUPS) {
      for (const ingress of ctx.graph.ofKind('Ingress', group)) {
        const view = ingressView(ingress.object);
        if (!view) continue;
        const annotations = ingress.object.metadata.annotations;
        if (isRecord(annotations) && Object.keys(annotations).some((k) => CERTIFICATE_ANNOTATION.test(k))) continue;
        const tlsHosts = new Set(view.tls.flatMap((t) => t.hosts.map((h) => h.host)));
        // With any tls entry, controllers also serve requests without a (matching) host over HTTPS.
        const hostless = view.tls.length > 0;
        const plain = new Map<string, JsonPath>();
        for (const p of view.paths) {
          if (p.host === '' ? hostless : covered(p.host, tlsHosts)) continue;
          if (!plain.has(p.host)) plain.set(p.host, p.hostPath);
        }
        if (view.defaultBackend && view.tls.length === 0 && !plain.has('')) plain.set('', view.defaultBackend.path);
        if (plain.size === 0) continue;
        const hosts = [...plain.keys()].map((h) => (h ? `"${h}"` : 'requests for any host'));
        const [firstHost, firstPath] = [...plain.entries()][0];
        ctx.report({
          node: { manifest: ingress, path: view.tls.length === 0 ? ['metadata', 'name'] : firstPath, part: firstHost === '' && view.tls.length > 0 ? 'key' : 'value' },
          message: `${formatRef(ingress.ref)} serves ${hosts.join(', ')} without TLS, so that traffic crosses the network as plain HTTP, readable and modifiable on the way; add a tls entry with a certificate Secret.`,
        });
      }
    }
  },
});
