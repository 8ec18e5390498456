/** Builders for admission tests: an ObjectGraph from YAML text and the SimPods of its workloads. */
import { podTemplateOf } from '../../../src/k8s/pod-template.js';
import { labelsOf } from '../../../src/k8s/selector.js';
import type { ObjectGraph } from '../../../src/resolver/graph.js';
import type { Manifest } from '../../../src/resolver/manifest.js';
import { Admission } from '../../../src/sim/admission/admit.js';
import type { ServiceAccountPresence } from '../../../src/sim/admission/service-account.js';
import type { SimPod } from '../../../src/sim/model.js';
import { podRequests } from '../../../src/sim/resources.js';
import { graphOfYaml } from './profile.js';

export { graphOfYaml };

/** The first object of a kind (and name) in the graph. */
export function find(graph: ObjectGraph, kind: string, name?: string): Manifest {
  const m = graph.manifests.find((x) => x.ref.kind === kind && (name === undefined || x.ref.name === name));
  if (!m) throw new Error(`no ${kind}${name ? `/${name}` : ''} in the input`);
  return m;
}

/** A pod of a workload as its controller would create it: a copy of the template's spec. */
export function podOf(owner: Manifest, ordinal = 0): SimPod {
  const template = podTemplateOf(owner.object);
  if (!template) throw new Error(`${owner.ref.kind}/${owner.ref.name} has no pod template`);
  const spec = structuredClone(template.spec);
  return {
    name: owner.ref.kind === 'Pod' ? owner.ref.name : `${owner.ref.name}-5d8f7c9b4-${'bcdfg'[ordinal % 5]}${ordinal}`,
    namespace: owner.ref.namespace ?? 'default',
    owner: { manifest: owner, generated: owner.ref.kind === 'Deployment' ? [`ReplicaSet/${owner.ref.name}-5d8f7c9b4`] : [] },
    ordinal,
    labels: labelsOf(template.metadata.labels),
    spec,
    template,
    requests: podRequests(spec),
    claims: [],
    status: { phase: 'Pending', ready: false },
  };
}

/** `spec.replicas` pods (default 1) of every workload of the graph, in input order. */
export function podsOf(graph: ObjectGraph): SimPod[] {
  return graph.podTemplates().flatMap((entry) => {
    const spec = entry.manifest.object.spec as Record<string, unknown> | undefined;
    const replicas = entry.manifest.ref.kind === 'Pod' ? 1 : typeof spec?.replicas === 'number' ? spec.replicas : 1;
    return Array.from({ length: replicas }, (_, i) => podOf(entry.manifest, i));
  });
}

export interface AdmissionSetup {
  graph: ObjectGraph;
  admission: Admission;
  pods: SimPod[];
}

/** An Admission over YAML text; ServiceAccounts are looked up in the input (`unknown` when it has none). */
export function admissionOfYaml(text: string, options: { kubernetesVersion?: string } = {}): AdmissionSetup {
  const graph = graphOfYaml(text);
  const hasAccounts = graph.hasKind('ServiceAccount');
  const admission = new Admission({
    graph,
    kubernetesVersion: options.kubernetesVersion ?? '1.33',
    serviceAccountLookup: (namespace, name): ServiceAccountPresence => {
      if (graph.get({ group: '', kind: 'ServiceAccount', namespace, name })) return 'present';
      return hasAccounts ? 'absent' : 'unknown';
    },
  });
  return { graph, admission, pods: podsOf(graph) };
}

/** A Deployment in a namespace with one container `app`; `resources` is YAML for the container's resources (indented 10). */
export function deployment(name: string, namespace: string, replicas: number, resources = '', podSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${podSpec}      containers:
        - name: app
          image: nginx:1.27
${resources}`;
}
