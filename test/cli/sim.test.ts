/**
 * `drydock sim` on the bundled examples, compared with golden files:
 *   test/sim/golden/examples.txt   — `drydock sim examples/`
 *   test/sim/golden/examples.json  — `drydock sim --format json examples/`
 * Any difference fails the test with a line diff. When a change of the output is intended,
 * rewrite the golden files and review them with `git diff test/sim/golden/`:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/cli/sim.test.ts
 *
 * The output must not depend on the working directory or on absolute paths (files are named
 * relative to the working directory) and must be the same on every run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/rule-tester.js';

const GOLDEN_DIR = path.join(ROOT, 'test', 'sim', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const BIG_NODES = 'test/fixtures/sim/clusters/big-nodes.yaml';

/** Compares `actual` with a golden file, or rewrites the file under UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const rel = path.relative(ROOT, file);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${rel} is missing: run UPDATE_GOLDEN=1 npx vitest run test/cli/sim.test.ts`);
  expect(actual, `output differs from ${rel} (if the change is intended: UPDATE_GOLDEN=1 npx vitest run test/cli/sim.test.ts, then review git diff ${rel})`).toBe(
    readFileSync(file, 'utf8'),
  );
}

interface JsonFinding {
  rule: string;
}

describe('drydock sim examples/', () => {
  it('prints the simulated cluster as text, equal to the golden file', async () => {
    const run = await runCli(['sim', 'examples/']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectGolden('examples.txt', run.stdout);
  });

  it('prints the simulated cluster as JSON, equal to the golden file', async () => {
    const run = await runCli(['sim', '--format', 'json', 'examples/']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expectGolden('examples.json', run.stdout);
  });

  it('shows why the search pods stay Pending and that its Service has no ready endpoints', async () => {
    const run = await runCli(['sim', 'examples/']);
    expect(run.stdout).toMatch(/Deployment search {2}0\/2 ready .* examples\/shop\/search\.yaml:8/);
    expect(run.stdout).toContain(
      "Pending Unschedulable: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector.",
    );
    expect(run.stdout).toContain('Service search  0 ready endpoints of 2 selected pods');
    expect(run.stdout).toMatch(/examples\/shop\/search\.yaml:8 {2}unschedulable {2}All 2 pods of Deployment\/shop\/search would stay Pending/);
    expect(run.stdout).toMatch(/examples\/shop\/search\.yaml:71 {2}no-ready-endpoints {2}Service\/shop\/search would have no ready endpoints/);
  });

  it('is deterministic and independent of how the path is spelled', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['sim', '--format', 'json', 'examples/'])));
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
    // An absolute path names the same files relative to the working directory: same output.
    const absolute = await runCli(['sim', '--format', 'json', path.join(ROOT, 'examples')]);
    expect(absolute.stdout).toBe(runs[0].stdout);
    expect(runs[0].stdout).not.toContain(ROOT);
    const text = await runCli(['sim', path.join(ROOT, 'examples') + path.sep]);
    expect(text.stdout).not.toContain(ROOT);
  });
});

describe('drydock sim usage errors', () => {
  it('exits 2 on a missing path', async () => {
    const run = await runCli(['sim', 'no/such/dir']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no such file or directory: no/such/dir');
  });

  it('exits 2 on --format sarif', async () => {
    const run = await runCli(['sim', '--format', 'sarif', 'examples/']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('drydock sim prints text or json');
  });
});

describe('drydock sim --cluster', () => {
  it('places the search pods on the big-nodes profile, whose nodes are all labelled disktype=ssd', async () => {
    // test/fixtures/sim/clusters/big-nodes.yaml: three nodes big-1..3 (16 CPU, 64Gi), each with the
    // label disktype: ssd. The nodeSelector of Deployment/shop/search matches them, so its two
    // pods are scheduled (topology spread ScheduleAnyway prefers different nodes) and the Service
    // gets two ready endpoints: no unschedulable or no-ready-endpoints finding for search.
    const run = await runCli(['sim', '--format', 'json', '--cluster', BIG_NODES, 'examples/']);
    expect(run.code).toBe(0);
    const view = JSON.parse(run.stdout) as {
      profile: { source: string; nodes: number };
      namespaces: {
        name: string;
        workloads: { name: string; ready: number; desired: number; pods: { node: string | null; phase: string }[] }[];
        services: { name: string; ready: string[] }[];
      }[];
      findings: { id: string; file: string }[];
    };
    expect(view.profile).toMatchObject({ source: BIG_NODES, nodes: 3 });
    const shop = view.namespaces.find((n) => n.name === 'shop')!;
    const search = shop.workloads.find((w) => w.name === 'search')!;
    expect(search).toMatchObject({ desired: 2, ready: 2 });
    for (const pod of search.pods) {
      expect(pod.phase).toBe('Running');
      expect(pod.node).toMatch(/^big-[123]$/);
    }
    expect(new Set(search.pods.map((p) => p.node)).size).toBe(2);
    expect(shop.services.find((s) => s.name === 'search')!.ready).toHaveLength(2);
    expect(view.findings.filter((f) => f.file === 'examples/shop/search.yaml')).toEqual([]);
  });
});

describe('drydock --no-sim', () => {
  it('removes every simulation finding from the lint and nothing else', async () => {
    const simulationRules = new Set(RULES.filter((r) => r.meta.simulation).map((r) => r.meta.id));
    expect(simulationRules.has('unschedulable')).toBe(true);

    const withSim = await runCli(['--format', 'json', 'examples/']);
    const without = await runCli(['--format', 'json', '--no-sim', 'examples/']);
    expect(withSim.code).toBe(1);
    expect(without.code).toBe(1);
    const all = (JSON.parse(withSim.stdout) as { findings: JsonFinding[] }).findings;
    const rest = (JSON.parse(without.stdout) as { findings: JsonFinding[] }).findings;

    const simRulesSeen = new Set(all.filter((f) => simulationRules.has(f.rule)).map((f) => f.rule));
    expect([...simRulesSeen].sort()).toEqual(['admission-rejected', 'no-ready-endpoints', 'unschedulable']);
    expect(rest.filter((f) => simulationRules.has(f.rule))).toEqual([]);
    expect(rest).toEqual(all.filter((f) => !simulationRules.has(f.rule)));
  });
});
