import { formatRef } from '../findings.js';
import { customResourcesSelected } from '../k8s/operator-pods.js';
import { formatSelector, isEmptySelector, matchesSelector, parseLabelSelector, type Labels, type Selector } from '../k8s/selector.js';
import { isRecord } from '../k8s/values.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import { absentKindNote } from './_reference-policy.js';
import { defineRule, type RelatedNode, type RuleContext } from './types.js';

const GROUP = 'monitoring.coreos.com';

/**
 * Services that exist without being in the input: the API server's `default/kubernetes`, and the
 * governing Services the Prometheus operator creates for its Prometheus, Alertmanager and
 * ThanosRuler resources (labels from `pkg/prometheus|alertmanager|thanos/statefulset.go`).
 */
const CLUSTER_SERVICES: readonly { namespace: string; labels: Labels }[] = [
  { namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
];
const OPERATED_SERVICES: Readonly<Record<string, Labels>> = {
  Prometheus: { 'operated-prometheus': 'true', 'managed-by': 'prometheus-operator' },
  Alertmanager: { 'operated-alertmanager': 'true', 'managed-by': 'prometheus-operator' },
  ThanosRuler: { 'operated-thanos-ruler': 'true', 'managed-by': 'prometheus-operator' },
};

/** Which namespaces a ServiceMonitor watches: `any`, `matchNames`, or (neither) its own. */
type Scope = { kind: 'any' } | { kind: 'names'; names: string[] } | { kind: 'own'; names: [string] };

function scopeOf(sm: Manifest, namespaceSelector: unknown): Scope {
  if (isRecord(namespaceSelector)) {
    if (namespaceSelector.any === true) return { kind: 'any' };
    const names = Array.isArray(namespaceSelector.matchNames) ? namespaceSelector.matchNames.filter((n): n is string => typeof n === 'string' && n !== '') : [];
    if (names.length > 0) return { kind: 'names', names: [...new Set(names)] };
  }
  return { kind: 'own', names: [sm.ref.namespace ?? 'default'] };
}

/** A Service the selector matches in one namespace: in the input, made by the cluster or by the operator. */
function hasService(graph: ObjectGraph, namespace: string, selector: Selector): boolean {
  if (graph.select(namespace, selector, 'Service').some((m) => m.ref.group === '')) return true;
  if (CLUSTER_SERVICES.some((s) => s.namespace === namespace && matchesSelector(selector, s.labels))) return true;
  for (const [kind, labels] of Object.entries(OPERATED_SERVICES)) {
    if (!matchesSelector(selector, labels)) continue;
    if (graph.ofKind(kind, GROUP).some((m) => m.ref.namespace === namespace)) return true;
  }
  // Operators (Strimzi, CloudNativePG…) give the Services they create their custom resource's labels.
  return customResourcesSelected(graph, namespace, selector).some((m) => m.ref.group !== GROUP);
}

export default defineRule({
  meta: {
    id: 'dangling-service-monitor',
    category: 'networking',
    severity: 'warning',
    description: 'A Prometheus-operator ServiceMonitor whose selector matches no Service in the namespaces it watches.',
    rationale:
      'The Prometheus operator turns a ServiceMonitor into scrape targets for the endpoints of the Services its selector matches, in its own namespace or the namespaces its namespaceSelector names. When no Service carries those labels (a label typo, a label put on the pods instead of the Service, the wrong namespace), Prometheus scrapes nothing for it: no error is raised, the metrics are simply missing and the alerts built on them never fire.',
  },
  check(ctx) {
    const monitors = ctx.graph.ofKind('ServiceMonitor', GROUP);
    if (monitors.length === 0) return;
    const inInput = new Set<string>(ctx.graph.namespaceNames());
    for (const m of ctx.graph.manifests) if (m.ref.namespace !== undefined) inInput.add(m.ref.namespace);
    // As dangling-network-policy-peer does, kube-system is not judged: cluster add-ons, and the
    // Services the operator makes for the kubelet, live there without being in the input.
    const described = new Set(inInput);
    described.delete('kube-system');
    const namespaces: Namespaces = {
      all: [...new Set([...inInput, ...CLUSTER_SERVICES.map((s) => s.namespace)])].sort(),
      described,
      withServices: new Set(ctx.graph.ofKind('Service', '').map((s) => s.ref.namespace ?? 'default')),
    };
    for (const sm of monitors) checkMonitor(ctx, sm, namespaces);
  },
});

interface Namespaces {
  /** Every namespace of the input, and those of the cluster's own Services: what `any: true` watches. */
  all: readonly string[];
  /** Namespaces the input has objects in (or a Namespace object for), but kube-system: the ones that can be judged. */
  described: ReadonlySet<string>;
  /** Namespaces with at least one Service in the input. */
  withServices: ReadonlySet<string>;
}

function checkMonitor(ctx: RuleContext, sm: Manifest, namespaces: Namespaces): void {
  const spec = isRecord(sm.object.spec) ? sm.object.spec : {};
  const parsed = parseLabelSelector(spec.selector); // missing = {}: every Service
  if (!parsed.ok) return; // schema validation reports it
  const { selector } = parsed;
  const scope = scopeOf(sm, spec.namespaceSelector);
  const watched = scope.kind === 'any' ? namespaces.all : scope.names;
  if (watched.some((ns) => hasService(ctx.graph, ns, selector))) return;
  // Only namespaces the input describes can be judged, and not those whose Services are declared
  // external (`Service/<namespace>/*` in .drydock.yaml).
  const judged = watched.filter((ns) => namespaces.described.has(ns) && !ctx.run.isExternal({ kind: 'Service', namespace: ns, name: '*' }));
  if (judged.length === 0) return;

  const strict = ctx.run.references === 'strict';
  const noServices = !judged.some((ns) => namespaces.withServices.has(ns));
  const where =
    scope.kind === 'any'
      ? 'any namespace of the input'
      : judged.length === 1
        ? `namespace "${judged[0]}"`
        : `the namespaces it watches (${judged.map((n) => `"${n}"`).join(', ')})`;
  const what = isEmptySelector(selector) ? 'every Service' : `Services with ${formatSelector(selector)}`;
  let found: string;
  let note = '';
  if (noServices) {
    found = `the input has no Service in ${where}`;
    if (!strict)
      note =
        namespaces.withServices.size === 0
          ? absentKindNote('Service')
          : ` (they may be deployed from elsewhere: list "Service/${judged[0]}/*" under "external" in .drydock.yaml, or set references: strict)`;
  } else {
    found = `no Service in ${where} has these labels`;
    if (scope.kind === 'any' && !strict)
      note = ' (it also watches namespaces the input does not describe, where such a Service may exist: set references: strict to report this as a warning)';
  }
  // A Service of another namespace has the labels: the monitor watches the wrong namespace, which
  // is a mistake whatever the input leaves out (so, as dangling-hpa-target does, never capped).
  const elsewhere =
    scope.kind === 'any' || isEmptySelector(selector)
      ? undefined
      : namespaces.all
          .filter((ns) => !watched.includes(ns))
          .flatMap((ns) => ctx.graph.select(ns, selector, 'Service'))
          .find((m) => m.ref.group === '');
  if (elsewhere) {
    found += ` (${formatRef(elsewhere.ref)} has them: add "${elsewhere.ref.namespace}" to spec.namespaceSelector.matchNames)`;
    if (noServices) note = '';
  }
  const hasSelector = spec.selector !== undefined && spec.selector !== null;
  const related: RelatedNode[] =
    scope.kind === 'own' ? [] : [{ node: { manifest: sm, path: ['spec', 'namespaceSelector'], part: 'key' }, note: 'the namespaces it watches' }];
  ctx.report({
    node: { manifest: sm, path: hasSelector ? ['spec', 'selector'] : ['metadata', 'name'] },
    message: `${formatRef(sm.ref)} selects ${what}, but ${found}, so Prometheus scrapes nothing for it and the metrics and alerts built on it silently go missing${note}.`,
    related,
    maxSeverity: !strict && !elsewhere && (noServices || scope.kind === 'any') ? 'info' : undefined,
  });
}
