import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimulationOptions } from '../../src/config/simulation.js';
import type { LintOptions, LintResult } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/rule-tester.js';

/** The options the CLI hands to the run; the run itself is stubbed (these tests are about the options). */
const calls: (LintOptions & SimulationOptions)[] = [];
vi.mock('../../src/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/index.js')>();
  return {
    ...actual,
    lint: async (_inputs: readonly string[], options: LintOptions & SimulationOptions): Promise<LintResult> => {
      calls.push(options);
      return {
        findings: [],
        stats: { files: 1, skippedFiles: 0, ignoredFiles: 0, documents: 1, objects: 1, errors: 0, warnings: 0, infos: 0, suppressed: 0 },
        rules: [],
        sources: new Map(),
        missing: [],
        failures: [],
        secretRanges: new Map(),
      };
    },
  };
});

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';
const GPU = 'test/fixtures/sim/clusters/gpu.yaml';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

beforeEach(() => {
  calls.length = 0;
});

describe('--cluster and --no-sim', () => {
  it('simulate on the built-in profile unless told otherwise', async () => {
    expect((await runCli(['-'], { stdin: CONFIG_MAP })).code).toBe(0);
    expect(calls[0]).toMatchObject({ simulate: true });
    expect(calls[0].cluster).toBeUndefined();
    expect(calls[0].clusterProfile).toBeUndefined();
  });

  it('--cluster passes the absolute path and the loaded profile to the run', async () => {
    expect((await runCli(['--cluster', GPU, '-'], { stdin: CONFIG_MAP })).code).toBe(0);
    expect(calls[0].cluster).toBe(path.join(ROOT, GPU));
    expect(calls[0].simulate).toBe(true);
    expect(calls[0].clusterProfile?.nodes.map((n) => n.name)).toEqual(['cpu-1', 'gpu-1', 'gpu-2']);
  });

  it('--no-sim turns the simulation off', async () => {
    expect((await runCli(['--no-sim', '-'], { stdin: CONFIG_MAP })).code).toBe(0);
    expect(calls[0].simulate).toBe(false);
  });

  it('reads config cluster: relative to the config file; --cluster overrides it', async () => {
    const nodes = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: from-config\nstatus:\n  allocatable:\n    cpu: "2"\n';
    const dir = tempDir({ '.drydock.yaml': 'cluster: nodes.yaml\n', 'nodes.yaml': nodes, 'a.yaml': CONFIG_MAP });
    expect((await runCli(['a.yaml'], { cwd: dir })).code).toBe(0);
    expect(calls[0].clusterProfile?.nodes.map((n) => n.name)).toEqual(['from-config']);
    expect((await runCli(['--cluster', path.join(ROOT, GPU), 'a.yaml'], { cwd: dir })).code).toBe(0);
    expect(calls[1].clusterProfile?.nodes).toHaveLength(3);
  });

  it('a bad cluster file exits 2 with file:line, before linting', async () => {
    const dir = tempDir({ 'nodes.yaml': 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  taints:\n    - key: a\n      effect: Sometimes\nstatus:\n  capacity:\n    cpu: "1"\n' });
    const run = await runCli(['--cluster', 'nodes.yaml', '-'], { cwd: dir, stdin: CONFIG_MAP });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('drydock: cluster file nodes.yaml:7: Node "n1": taint "a" has effect "Sometimes": Unsupported value, supported values: "NoSchedule", "PreferNoSchedule", "NoExecute".\n');
    expect(calls).toHaveLength(0);
  });

  it('a missing cluster file exits 2, a missing one from the config too', async () => {
    const run = await runCli(['--cluster', 'no/such.yaml', '-'], { stdin: CONFIG_MAP });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such.yaml: cannot read the cluster file (no such file)');
    const dir = tempDir({ '.drydock.yaml': 'cluster: gone.yaml\n', 'a.yaml': CONFIG_MAP });
    const fromConfig = await runCli(['a.yaml'], { cwd: dir });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain('gone.yaml: cannot read the cluster file');
  });

  it('--help documents both options', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('--cluster <file>');
    expect(run.stdout).toContain('--no-sim');
  });
});
