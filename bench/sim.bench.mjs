#!/usr/bin/env node
/**
 * Simulator benchmark (run after `npm run build`): `node bench/sim.bench.mjs [pods] [nodes] [runs]`.
 *
 * Generates in a temporary folder workloads totalling N pod replicas (default 10,000) in 20
 * namespaces, loads them with the resolver from dist/, builds a cluster profile of M nodes
 * (default 1,000) directly as a ClusterProfile object, and times `simulate()` from
 * dist/sim/simulate.js: controllers, admission, volume binding, scheduling, endpoints, rolling
 * updates and node drains. The workload mix (by replicas):
 *   40% plain Deployments with mixed cpu/memory requests, each with a Service;
 *   20% Deployments with nodeSelector disktype=ssd (30% of the nodes carry it);
 *   10% Deployments with required pod anti-affinity on kubernetes.io/hostname;
 *   20% Deployments with topologySpreadConstraints (zone DoNotSchedule, hostname ScheduleAnyway),
 *       half of them with a PodDisruptionBudget (minAvailable 50%);
 *   10% StatefulSets (Parallel) with a volumeClaimTemplate on the default WaitForFirstConsumer class.
 * Target (issue 5, point 9): 10,000 pods on 1,000 nodes in < 5 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { loadInputs } = await dist('resolver/load.js');
const { simulate } = await dist('sim/simulate.js');
const { defaultProfile } = await dist('sim/profile.js');
const { resolveKubernetesVersion } = await dist('index.js');

const PODS = Number(process.argv[2] ?? 10_000);
const NODES = Number(process.argv[3] ?? 1_000);
const RUNS = Number(process.argv[4] ?? 3);
const ZONES = 10;
const GI = 1024 ** 3;

// ---- cluster profile: NODES workers (8 CPU, 32Gi, 110 pods) in ZONES zones, 30% with SSDs ----
function profile() {
  const base = defaultProfile(); // for its default StorageClass `standard`
  const nodes = [];
  for (let i = 0; i < NODES; i++) {
    const name = `node-${String(i).padStart(4, '0')}`;
    nodes.push({
      name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(i % 10 < 3 ? { disktype: 'ssd' } : {}),
        'topology.kubernetes.io/zone': `zone-${i % ZONES}`,
      },
      taints: [],
      allocatable: { cpu: 8000, memory: 32 * GI, pods: 110, 'ephemeral-storage': 100 * GI },
      unschedulable: false,
    });
  }
  return { source: `bench profile (${NODES} nodes)`, nodes, storageClasses: base.storageClasses, persistentVolumes: [] };
}

// ---- input ----
const CPU = ['50m', '100m', '250m', '500m', '1'];
const MEM = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi'];

function container(i) {
  const mem = MEM[(i * 3) % MEM.length];
  return `      containers:
        - name: app
          image: example/app:${i % 7}.0
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 20
          resources:
            requests:
              cpu: ${CPU[i % CPU.length]}
              memory: ${mem}
            limits:
              memory: ${mem}
`;
}

function scheduling(kind, i, name) {
  switch (kind) {
    case 'ssd':
      return `      nodeSelector:\n        disktype: ssd\n`;
    case 'anti':
      return `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
                  app: ${name}
`;
    case 'spread':
      return `      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels:
              app: ${name}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: ${name}
`;
    default:
      return '';
  }
}

function deployment(i, kind, replicas) {
  const name = `${kind}-${i}`;
  const ns = `ns-${i % 20}`;
  const docs = [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${scheduling(kind, i, name)}${container(i)}`,
  ];
  if (kind === 'plain')
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`);
  if (kind === 'spread' && i % 2 === 0)
    docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  minAvailable: 50%
  selector:
    matchLabels:
      app: ${name}
`);
  return docs;
}

function statefulSet(i, replicas) {
  const name = `db-${i}`;
  return [
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
  namespace: ns-${i % 20}
spec:
  serviceName: ${name}
  replicas: ${replicas}
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${container(i).replace('          resources:', '          volumeMounts:\n            - name: data\n              mountPath: /data\n          resources:')}  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: ${1 + (i % 4)}Gi
`,
    `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ns-${i % 20}
spec:
  clusterIP: None
  selector:
    app: ${name}
  ports:
    - name: http
      port: 8080
`,
  ];
}

/** [kind, share of the pods, replicas per workload] */
const MIX = [
  ['plain', 0.4, 10],
  ['ssd', 0.2, 20],
  ['anti', 0.1, 10],
  ['spread', 0.2, 20],
  ['sts', 0.1, 10],
];
const dir = mkdtempSync(path.join(tmpdir(), 'drydock-sim-bench-'));
const docs = [];
let pods = 0;
let workloads = 0;
for (const [kind, share, replicas] of MIX) {
  const target = Math.round(PODS * share);
  for (let made = 0; made < target; made += replicas, workloads++) {
    const n = Math.min(replicas, target - made);
    docs.push(...(kind === 'sts' ? statefulSet(workloads, n) : deployment(workloads, kind, n)));
    pods += n;
  }
}
const FILES = 50;
const perFile = Math.ceil(docs.length / FILES);
for (let f = 0; f * perFile < docs.length; f++) writeFileSync(path.join(dir, `part-${f}.yaml`), docs.slice(f * perFile, (f + 1) * perFile).join('---\n'));

let t = process.hrtime.bigint();
const loaded = await loadInputs([dir], { cwd: dir, ignore: [], namespace: 'default' });
const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
rmSync(dir, { recursive: true, force: true });

const options = { kubernetesVersion: resolveKubernetesVersion(undefined), references: 'default', isExternal: () => false };
const runs = [];
let result;
for (let run = 0; run < RUNS; run++) {
  const p = profile(); // a fresh profile each run: the simulation may not share mutable state
  t = process.hrtime.bigint();
  result = simulate(loaded.graph, { ...options, profile: p });
  runs.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const best = Math.min(...runs);
const placed = result.pods.filter((p) => p.nodeName).length;
const ready = result.pods.filter((p) => p.status.ready).length;
const byId = {};
for (const issue of result.issues) byId[issue.id] = (byId[issue.id] ?? 0) + 1;

console.log(`input: ${workloads} workloads, ${pods} pod replicas, ${docs.length} objects in ${FILES} files; ${NODES} nodes in ${ZONES} zones`);
console.log(`load (read + parse + graph): ${loadMs.toFixed(0)} ms`);
console.log(`simulate(), ${RUNS} run(s): ${runs.map((r) => r.toFixed(0)).join(' / ')} ms; best ${best.toFixed(0)} ms = ${Math.round((result.pods.length / best) * 1000)} pods/s`);
console.log(`result: ${result.pods.length} pods, ${placed} placed, ${ready} ready, ${result.claims.length} claims; findings ${JSON.stringify(byId)}`);
console.log(`heap after runs: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
