/**
 * ConfigMaps and Secrets that are not in the input as such but that something in the input makes
 * the cluster create: a SealedSecret or ExternalSecret becomes a Secret, cert-manager writes the
 * Secret a Certificate (or an annotated Ingress) names, Strimzi writes one per KafkaUser, the
 * Zalando Postgres operator one per database user. Reference rules treat these as present.
 *
 * Beyond these known producers, operators commonly name what they create after their resource
 * (a CloudNativePG `Cluster/db` creates Secrets `db-app`, `db-superuser`, …): `likelyOperatorOwner`
 * finds such a custom resource so that a rule can soften its finding instead of asserting it.
 */
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import { kindInfo } from './kinds.js';
import { isRecord } from './values.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Secret names a custom resource of a known operator makes its controller create (same namespace). */
function secretsProducedBy(m: Manifest): string[] {
  const { group, kind } = m.ref;
  const o = m.object;
  const spec = isRecord(o.spec) ? o.spec : {};
  const name = m.ref.name;
  if (group === 'bitnami.com' && kind === 'SealedSecret') return [name];
  if (group === 'external-secrets.io' && kind === 'ExternalSecret') {
    return [(isRecord(spec.target) && str(spec.target.name)) || name];
  }
  if (group === 'kubernetes-client.io' && kind === 'ExternalSecret') return [name];
  if (group === 'cert-manager.io' && kind === 'Certificate') return str(spec.secretName) ? [spec.secretName as string] : [];
  if (group === 'kafka.strimzi.io' && kind === 'KafkaUser') return [name];
  if (group === 'onepassword.com' && kind === 'OnePasswordItem') return [name];
  if (group === 'secrets.hashicorp.com' && isRecord(spec.destination) && str(spec.destination.name)) return [spec.destination.name as string];
  if (group === 'acid.zalan.do' && kind === 'postgresql') {
    const users = ['postgres', 'standby', ...(isRecord(spec.users) ? Object.keys(spec.users) : [])];
    return users.map((u) => `${u.replace(/_/g, '-')}.${name}.credentials.postgresql.acid.zalan.do`);
  }
  // cert-manager's ingress-shim: an Ingress annotated with an issuer gets its TLS Secrets created.
  if (kind === 'Ingress' && (group === 'networking.k8s.io' || group === 'extensions')) {
    const ann = isRecord(o.metadata.annotations) ? o.metadata.annotations : {};
    if (!str(ann['cert-manager.io/issuer']) && !str(ann['cert-manager.io/cluster-issuer'])) return [];
    const tls = Array.isArray(spec.tls) ? spec.tls : [];
    return tls.flatMap((t) => (isRecord(t) && str(t.secretName) ? [t.secretName as string] : []));
  }
  return [];
}

/**
 * Custom resources that configure something else (monitoring scrapes, mesh and admission policy)
 * and create no ConfigMaps or Secrets named after themselves; they are often named after the app
 * they watch (`ServiceMonitor/web`) or just `default`.
 */
const CONFIG_ONLY_KINDS = new Set(['monitoring.coreos.com/ServiceMonitor', 'monitoring.coreos.com/PodMonitor', 'monitoring.coreos.com/PrometheusRule', 'monitoring.coreos.com/Probe']);
const CONFIG_ONLY_GROUPS = ['istio.io', 'monitoring.googleapis.com', 'kyverno.io', 'gatekeeper.sh'];
const configOnly = (group: string, kind: string): boolean =>
  CONFIG_ONLY_KINDS.has(`${group}/${kind}`) || CONFIG_ONLY_GROUPS.some((g) => group === g || group.endsWith(`.${g}`));

/** Producers of ConfigMaps and Secrets in the input, by `kind/namespace/name` of what they create. */
export class ConfigProducers {
  private readonly secrets = new Map<string, Manifest>();
  /** Namespaced custom resources that may create objects named after themselves, by namespace. */
  private readonly customResources = new Map<string, Manifest[]>();

  constructor(graph: ObjectGraph) {
    for (const m of graph.manifests) {
      const namespace = m.ref.namespace;
      if (namespace === undefined) continue;
      for (const secret of secretsProducedBy(m)) {
        const key = `${namespace}/${secret}`;
        if (!this.secrets.has(key)) this.secrets.set(key, m);
      }
      const { group, kind, name } = m.ref;
      if (name === '' || group === '' || group.endsWith('k8s.io') || kindInfo(group, kind) || configOnly(group, kind)) continue;
      const list = this.customResources.get(namespace);
      if (list) list.push(m);
      else this.customResources.set(namespace, [m]);
    }
  }

  /** The object in the input that makes the cluster create this Secret or ConfigMap, if any. */
  producerOf(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): Manifest | undefined {
    return kind === 'Secret' ? this.secrets.get(`${namespace}/${name}`) : undefined;
  }

  /**
   * A custom resource in the namespace whose name is the missing object's name or a prefix of it
   * followed by `-` or `.`: its operator probably creates the object.
   */
  likelyOperatorOwner(namespace: string, name: string): Manifest | undefined {
    return this.customResources.get(namespace)?.find((m) => {
      const crName = m.ref.name;
      return name === crName || name.startsWith(`${crName}-`) || name.startsWith(`${crName}.`);
    });
  }
}
