/**
 * The dry-run simulation, in the order a cluster does it (§0): controllers create pods, admission
 * mutates and validates them, the PV controller binds Immediate claims, the scheduler places pods,
 * the kubelet starts them, the EndpointSlice controller routes to the Ready ones; then the day-2
 * what-ifs (rolling updates, node drains) run on the placed state. Deterministic: the same input
 * and profile give the same result.
 */
import { formatRef } from '../findings.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import { Admission, type AdmissionResult } from './admission/admit.js';
import { reconcile } from './controllers/reconcile.js';
import type { SimWorkload } from './controllers/workload.js';
import { computeEndpoints, type SimEndpoints } from './endpoints.js';
import { hpaIssues } from './hpa.js';
import { readinessProblems, startupProblems, type ReadinessProblem, type StartupProblem } from './kubelet.js';
import type { ClusterProfile, SimClaim, SimIssue, SimPod, SimStorageClass, ResourceList } from './model.js';
import { DEFAULT_PROFILE_SOURCE, SIMULATED_PROVISIONER } from './profile/default.js';
import { presenceLookup, type PresencePolicy } from './presence.js';
import { withInput } from './profile.js';
import { drainIssues } from './day2/drain.js';
import { rolloutIssues } from './day2/rollout.js';
import { Scheduler, defaultFilters, insertVolumePlugins } from './scheduler/scheduler.js';
import { SchedulingState } from './scheduler/state.js';
import { firstUntoleratedTaint, tolerationsOf } from './scheduler/filters/taint-toleration.js';
import { matchesNodeSelectorAndAffinity } from './scheduler/filters/node-affinity.js';
import { claimsFromInput } from './storage/claims.js';
import { VolumeBinder } from './storage/binder.js';
import { workloadIssues } from './issues.js';

export interface SimulationOptions extends PresencePolicy {
  profile: ClusterProfile;
  kubernetesVersion: string;
  /** Objects the API server would reject (invalid fields, removed APIs): no controller creates their pods. */
  rejected?: ReadonlySet<Manifest>;
}

export interface NodeUsage {
  name: string;
  requested: ResourceList;
  allocatable: ResourceList;
  pods: number;
}

export interface SimulationResult {
  profile: ClusterProfile;
  workloads: SimWorkload[];
  pods: SimPod[];
  claims: SimClaim[];
  endpoints: SimEndpoints[];
  nodes: NodeUsage[];
  issues: SimIssue[];
  /** Workloads left out because the API server would reject them (their findings say why). */
  rejected: Manifest[];
}

/** Per pod, what kept it from running (for the issue builders and the `sim` output). */
export interface PodOutcomes {
  admission: Map<SimPod, AdmissionResult>;
  startup: Map<Manifest, StartupProblem[]>;
  readiness: Map<Manifest, ReadinessProblem[]>;
}

export function simulate(graph: ObjectGraph, options: SimulationOptions): SimulationResult {
  const profile = withInput(options.profile, graph);
  const lookup = presenceLookup(graph, options);
  const podCapacity = profile.nodes.reduce((sum, n) => sum + (n.allocatable.pods ?? 110), 0);
  const reconciled = reconcile(graph, {
    nodes: profile.nodes,
    maxPodsPerWorkload: podCapacity + 1,
    daemonEligible: (spec, node) =>
      matchesNodeSelectorAndAffinity(spec, node) && firstUntoleratedTaint(node.taints, tolerationsOf(spec), ['NoSchedule', 'NoExecute']) === undefined,
  });
  const notCreated: Manifest[] = [];
  if (options.rejected?.size) {
    const rejected = options.rejected;
    notCreated.push(...reconciled.workloads.filter((w) => rejected.has(w.manifest)).map((w) => w.manifest));
    reconciled.workloads = reconciled.workloads.filter((w) => !rejected.has(w.manifest));
    reconciled.pods = reconciled.pods.filter((p) => !rejected.has(p.owner.manifest));
    reconciled.claims = reconciled.claims.filter((c) => !rejected.has(c.manifest));
  }
  const claims = [...claimsFromInput(graph), ...reconciled.claims];
  const binder = new VolumeBinder(withAssumedClasses(profile, claims, graph, options), claims, (namespace, name) => lookup('PersistentVolumeClaim', '', namespace, name).state === 'unknown');
  binder.bindImmediate();

  const admission = new Admission({
    graph,
    kubernetesVersion: options.kubernetesVersion,
    serviceAccountLookup: (namespace, name) => {
      if (name === 'default') return 'present';
      const found = lookup('ServiceAccount', '', namespace, name);
      return found.state === 'present' ? 'present' : found.state;
    },
  });
  const state = new SchedulingState(profile.nodes);
  const scheduler = new Scheduler(state, insertVolumePlugins(defaultFilters(), binder.plugins()));
  const outcomes: PodOutcomes = { admission: new Map(), startup: new Map(), readiness: new Map() };

  for (const workload of reconciled.workloads) {
    const ordered = workload.kind === 'StatefulSet' && workload.podManagementPolicy !== 'Parallel';
    let blocked: SimPod | undefined;
    for (const pod of workload.pods) {
      if (blocked) {
        // §4.4 OrderedReady: pod N+1 is created only once pod N is Running and Ready.
        pod.status = {
          phase: 'Pending',
          reason: 'NotCreated',
          message: `not created: ${blocked.name} is not Running and Ready (podManagementPolicy OrderedReady)`,
          ready: false,
        };
        continue;
      }
      runPod(pod);
      if (ordered && !pod.status.ready) blocked = pod;
    }
  }

  function runPod(pod: SimPod): void {
    const admitted = admission.admit(pod);
    outcomes.admission.set(pod, admitted);
    if (pod.status.phase === 'Rejected') return;
    const placed = scheduler.schedule(pod);
    if (!placed.ok) {
      pod.status = { phase: 'Pending', reason: placed.reason, message: placed.message, ready: false };
      return;
    }
    const attach = binder.multiAttachError(pod);
    if (attach) {
      pod.status = { phase: 'Pending', reason: 'ContainerCreating', message: attach, ready: false };
      return;
    }
    const owner = pod.owner.manifest;
    let startup = outcomes.startup.get(owner);
    if (!startup) outcomes.startup.set(owner, (startup = startupProblems(pod.template, pod.namespace, lookup)));
    if (startup.length > 0) {
      pod.status = { phase: 'Pending', reason: startup[0].reason, message: startup[0].message, ready: false };
      return;
    }
    let readiness = outcomes.readiness.get(owner);
    if (!readiness) outcomes.readiness.set(owner, (readiness = readinessProblems(pod.template)));
    pod.status = readiness.length > 0
      ? { phase: 'Running', reason: 'NotReady', message: readiness[0].message, ready: false }
      : { phase: 'Running', ready: true };
  }

  const endpoints = computeEndpoints(graph, reconciled.pods);
  const issues: SimIssue[] = [
    ...binder.issues(),
    ...admission.issuesFor([...outcomes.admission.values()]),
    ...workloadIssues(reconciled.workloads, outcomes, profile),
    ...endpointIssues(endpoints),
    ...hpaIssues(graph, reconciled.workloads),
    // What-ifs run on copies of the placed state, without the volume plugins (their reserve binds claims).
    ...rolloutIssues(reconciled.workloads, state, defaultFilters()),
    ...drainIssues(graph, reconciled.workloads, reconciled.pods, state, defaultFilters()),
  ];
  const nodes = profile.nodes.map((n) => ({
    name: n.name,
    requested: state.requested(n.name),
    allocatable: n.allocatable,
    pods: state.podsOn(n.name).length,
  }));
  return { profile, workloads: reconciled.workloads, pods: reconciled.pods, claims: [...binder.claims()], endpoints, nodes, issues, rejected: notCreated };
}

/**
 * StorageClasses the claims name that neither the profile nor the input has. On the built-in
 * profile, when the input defines no StorageClass at all (the classes come with the cloud: GKE's
 * `premium-rwo`, EKS's `gp3`), or the class is declared `external:`, the reference policy assumes
 * the class exists: it is simulated as a dynamic WaitForFirstConsumer class. With a `--cluster` file
 * or `references: strict`, an unknown class is what it is: a claim that never binds.
 */
function withAssumedClasses(profile: ClusterProfile, claims: readonly SimClaim[], graph: ObjectGraph, options: SimulationOptions): ClusterProfile {
  const known = new Set(profile.storageClasses.map((c) => c.name));
  const inputHasClasses = graph.ofKind('StorageClass', 'storage.k8s.io').length > 0;
  const assumed = new Map<string, SimStorageClass>();
  for (const claim of claims) {
    const name = claim.spec.storageClassName;
    if (typeof name !== 'string' || name === '' || known.has(name) || assumed.has(name)) continue;
    const external = options.isExternal({ kind: 'StorageClass', name });
    const absentKind = profile.source === DEFAULT_PROFILE_SOURCE && !inputHasClasses && options.references !== 'strict';
    if (!external && !absentKind) continue;
    assumed.set(name, { name, provisioner: SIMULATED_PROVISIONER, volumeBindingMode: 'WaitForFirstConsumer', isDefault: false, allowedTopologies: [] });
  }
  return assumed.size === 0 ? profile : { ...profile, storageClasses: [...profile.storageClasses, ...assumed.values()] };
}

/** `no-ready-endpoints`: a Service whose selected pods exist but none would ever be Ready. */
function endpointIssues(endpoints: readonly SimEndpoints[]): SimIssue[] {
  const out: SimIssue[] = [];
  for (const e of endpoints) {
    if (e.selected.length === 0 || e.ready.length > 0) continue;
    const owners = [...new Set(e.selected.map((p) => p.owner.manifest))];
    const first = e.selected[0];
    const { reason, message } = first.status;
    // The kubelet's messages may already start with their reason (`container app: CreateContainerConfigError: …`).
    const why = message ? `: ${reason && !message.includes(reason) ? `${reason}: ` : ''}${message}` : '';
    out.push({
      id: 'no-ready-endpoints',
      at: { manifest: e.service, path: ['spec', 'selector'] },
      message: `${formatRef(e.service.ref)} would have no ready endpoints, so every connection to it fails: ${e.selected.length === 1 ? 'the one pod it selects would never' : `none of the ${e.selected.length} pods it selects would ever`} become Ready (pod ${first.name}${why})`,
      related: owners.map((m) => ({ node: { manifest: m, path: ['metadata', 'name'] }, note: `${formatRef(m.ref)} runs the selected pods` })),
    });
  }
  return out;
}
