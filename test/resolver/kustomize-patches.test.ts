import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
`;

describe('kustomization patches', () => {
  it('are not checked as objects of their own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-kust-'));
    mkdirSync(path.join(dir, 'overlay'));
    writeFileSync(path.join(dir, 'deployment.yaml'), BASE);
    writeFileSync(
      path.join(dir, 'overlay', 'kustomization.yaml'),
      'resources:\n  - ../deployment.yaml\npatches:\n  - path: replicas.yaml\n  - patch: |-\n      - op: add\npatchesStrategicMerge:\n  - smp.yaml\n',
    );
    writeFileSync(path.join(dir, 'overlay', 'replicas.yaml'), PATCH);
    writeFileSync(path.join(dir, 'overlay', 'smp.yaml'), PATCH);
    writeFileSync(path.join(dir, 'overlay', 'unrelated.yaml'), PATCH.replace('name: web', 'name: other'));
    const r = await lint(['.'], { cwd: dir });
    const files = new Set(r.findings.filter((f) => f.ruleId === 'selector-mismatch' || f.ruleId === 'duplicate-object').map((f) => f.location.file));
    // The file the kustomization does not name is still an object (and an invalid one).
    expect([...files]).toEqual(['overlay/unrelated.yaml']);
    expect(r.stats.skippedFiles).toBe(3); // kustomization.yaml and the two patches
  });
});
