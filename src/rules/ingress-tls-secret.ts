import { formatRef } from '../findings.js';
import { ingressView, INGRESS_GROUPS, type IngressTls } from '../k8s/ingress.js';
import { ConfigProducers } from '../k8s/config-producers.js';
import { isRecord } from '../k8s/values.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath, NodePart } from '../resolver/source-map.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

const TLS_SECRET_TYPE = 'kubernetes.io/tls';

/**
 * Older annotations that also make cert-manager's ingress-shim (or kube-lego) create an Ingress's
 * TLS Secrets; the current `cert-manager.io/*issuer` ones are known to ConfigProducers.
 */
function legacyCertificateShim(object: Record<string, unknown>): boolean {
  const meta = object.metadata;
  const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : {};
  const acme = annotations['kubernetes.io/tls-acme'];
  return (
    acme === 'true' ||
    acme === true ||
    ['certmanager.k8s.io/issuer', 'certmanager.k8s.io/cluster-issuer'].some((k) => typeof annotations[k] === 'string' && annotations[k] !== '')
  );
}
const TLS_KEYS = ['tls.crt', 'tls.key'];

/** `for host "a.com"`, `for hosts "a.com", "b.com"` or '' — which hosts a tls entry covers. */
function forHosts(tls: IngressTls): string {
  if (tls.hosts.length === 0) return '';
  const list = tls.hosts.map((h) => `"${h.host}"`).join(', ');
  return tls.hosts.length === 1 ? ` for host ${list}` : ` for hosts ${list}`;
}

/** What is wrong with a Secret used as a TLS certificate, its consequence, and where; undefined when nothing. */
function tlsSecretProblem(secret: Manifest): { problem: string; consequence: string; path: JsonPath; part?: NodePart } | undefined {
  const obj = secret.object;
  const type = typeof obj.type === 'string' && obj.type !== '' ? obj.type : undefined;
  const keys = new Set<string>();
  for (const field of ['data', 'stringData']) {
    const map = obj[field];
    if (isRecord(map)) for (const k of Object.keys(map)) keys.add(k);
  }
  const missing = TLS_KEYS.filter((k) => !keys.has(k));
  const wrongType = type !== TLS_SECRET_TYPE;
  if (!wrongType && missing.length === 0) return undefined;
  const problems: string[] = [];
  if (wrongType) problems.push(`has type ${type ?? 'Opaque (the default)'} instead of ${TLS_SECRET_TYPE}`);
  if (missing.length > 0) problems.push(`has no ${missing.join(' or ')} key`);
  const consequence =
    missing.length > 0
      ? 'so the controller cannot load a certificate from it and serves its default (usually self-signed) certificate instead'
      : `so controllers that accept only ${TLS_SECRET_TYPE} Secrets (Contour, for one) ignore it and serve their default certificate instead`;
  const dataField = isRecord(obj.data) ? 'data' : isRecord(obj.stringData) ? 'stringData' : undefined;
  // The wrong type, else the data mapping (its key: the keys are what is missing), else the object.
  if (wrongType && type !== undefined) return { problem: problems.join(' and '), consequence, path: ['type'] };
  if (!wrongType && dataField) return { problem: problems.join(' and '), consequence, path: [dataField], part: 'key' };
  return { problem: problems.join(' and '), consequence, path: ['metadata', 'name'] };
}

export default defineRule({
  meta: {
    id: 'ingress-tls-secret',
    category: 'networking',
    severity: 'warning',
    description: 'An Ingress TLS entry whose Secret is not in the input, or is not a kubernetes.io/tls Secret with tls.crt and tls.key.',
    rationale:
      'An ingress controller terminates TLS with the certificate and key of the Secret named in spec.tls[].secretName, read from the Ingress namespace. When that Secret is missing or does not hold tls.crt and tls.key, the controller cannot load the certificate and serves its default (usually self-signed) certificate, so clients get certificate errors.',
  },
  check(ctx) {
    const producers = new ConfigProducers(ctx.graph);
    const ingresses = INGRESS_GROUPS.flatMap((g) => ctx.graph.ofKind('Ingress', g)).sort((a, b) => a.index - b.index);
    for (const ing of ingresses) {
      const view = ingressView(ing.object);
      if (!view) continue;
      const namespace = ing.ref.namespace ?? 'default';
      const shim = legacyCertificateShim(ing.object);
      for (const tls of view.tls) {
        const name = tls.secretName;
        if (name === undefined || name === '') continue; // no secretName: the controller's default certificate, by choice
        const secrets = ctx.graph.getAll({ group: '', kind: 'Secret', namespace, name });
        if (secrets.length === 0) {
          if (shim || producers.producerOf('Secret', namespace, name)) continue; // created at runtime
          const verdict = missingReference(ctx, { group: '', kind: 'Secret', namespace, name });
          if (!verdict.report) continue;
          const operator = producers.likelyOperatorOwner(namespace, name);
          const missing = `${formatRef(ing.ref)} terminates TLS${forHosts(tls)} with Secret "${name}", which is not in the input in namespace "${namespace}"`;
          const outcome = 'the controller serves its default (usually self-signed) certificate instead';
          ctx.report({
            node: { manifest: ing, path: tls.secretNamePath },
            message: operator
              ? `${missing}; if the operator of ${formatRef(operator.ref)} does not create it, ${outcome}.`
              : `${missing}, so ${outcome}${verdict.maxSeverity ? absentKindNote('Secret') : ''}.`,
            related: operator ? [{ node: { manifest: operator, path: ['metadata', 'name'] }, note: 'custom resource that may create the Secret' }] : [],
            maxSeverity: operator && ctx.run.references !== 'strict' ? 'info' : verdict.maxSeverity,
          });
          continue;
        }
        const problems = secrets.map((s) => ({ secret: s, found: tlsSecretProblem(s) }));
        if (problems.some((p) => p.found === undefined)) continue; // any good copy will do
        const { secret, found } = problems[0];
        ctx.report({
          node: { manifest: ing, path: tls.secretNamePath },
          message: `${formatRef(ing.ref)} terminates TLS${forHosts(tls)} with ${formatRef(secret.ref)}, which ${found!.problem}, ${found!.consequence}.`,
          related: [{ node: { manifest: secret, path: found!.path, part: found!.part }, note: 'the Secret' }],
        });
      }
    }
  },
});
