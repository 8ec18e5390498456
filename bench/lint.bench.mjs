#!/usr/bin/env node
/**
 * drydock benchmarks (run after `npm run build`): `npm run bench` or `node bench/lint.bench.mjs [objects]`.
 *
 * 1. cold start: one small file through the CLI in a fresh process (what a pre-commit hook pays);
 * 2. throughput: N generated objects (Deployments, Services, ConfigMaps, Ingresses) in 50 files,
 *    objects per second and peak heap, whole pipeline (read, parse with positions, graph, rules).
 * Targets (2-core CI machine): cold start < 1 s; throughput > 1,000 objects/s (parsing YAML with
 * source positions is the ceiling, about 1,400 documents/s per core — see ../shared/docs/deps.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { lint } = await import(path.join(root, 'dist', 'index.js'));
const objects = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(path.join(tmpdir(), 'drydock-bench-'));

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ns-${i % 20}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
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
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
`;
}
const service = (i) => `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: ns-${i % 20}
spec:
  selector:
    app: app-${i % 3 === 0 ? 'missing-' + i : i}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
const configMap = (i) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${i}
  namespace: ns-${i % 20}
data:
  app.properties: |
    mode=production
    id=${i}
`;
const ingress = (i) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-${i}
  namespace: ns-${i % 20}
spec:
  rules:
    - host: app-${i % 500}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: app-${i}
                port:
                  number: 80
`;

const makers = [deployment, service, configMap, ingress];
const FILES = 50;
const perFile = Math.ceil(objects / FILES);
let written = 0;
for (let f = 0; f < FILES && written < objects; f++) {
  const docs = [];
  for (let k = 0; k < perFile && written < objects; k++, written++) docs.push(makers[written % makers.length](written));
  writeFileSync(path.join(dir, `part-${f}.yaml`), docs.join('---\n'));
}
writeFileSync(path.join(dir, 'one.yaml'), deployment(1) + '---\n' + service(1));

// 1. cold start of the CLI on one file (median of 5)
const cold = [];
for (let i = 0; i < 5; i++) {
  const t = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), path.join(dir, 'one.yaml')], { stdio: 'ignore' });
  } catch {
    /* exit code 1 (findings) is fine */
  }
  cold.push(Number(process.hrtime.bigint() - t) / 1e6);
}
cold.sort((a, b) => a - b);

// 2. throughput (best of 3 runs in this process)
let best = Infinity;
let findings = 0;
let peakHeap = 0;
for (let run = 0; run < 3; run++) {
  const t = process.hrtime.bigint();
  const result = await lint([dir]);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  findings = result.findings.length;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
rmSync(dir, { recursive: true, force: true });

console.log(`cold start, one file (median of 5):  ${cold[2].toFixed(0)} ms`);
console.log(`throughput, ${objects} objects in ${FILES} files: ${best.toFixed(0)} ms = ${Math.round((objects / best) * 1000)} objects/s (${findings} findings)`);
console.log(`heap after runs: ${(peakHeap / 1024 / 1024).toFixed(0)} MiB`);
