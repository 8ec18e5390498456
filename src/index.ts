/**
 * drydock's public API: one engine for the CLI, the GitHub Action and the editor integration.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DrydockConfig, Level } from './config/config.js';
import type { Finding, Range } from './findings.js';
import { secretRanges } from './resolver/secret-ranges.js';
import { loadInputs, type LoadStats } from './resolver/load.js';
import type { SourceFile } from './resolver/source-file.js';
import { mergeResults, runRules, type EngineResult, type RuleFailure, type RuleSetting } from './rules/engine.js';
import type { ObjectGraph } from './resolver/graph.js';
import type { Manifest } from './resolver/manifest.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleMeta, RunContext } from './rules/types.js';
import { SchemaRegistry } from './schema/registry.js';
import { externalMatcher } from './config/external.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './schema/versions.js';
import type { ClusterProfile } from './sim/model.js';
import { defaultProfile, loadClusterFile } from './sim/profile.js';
import { simulate, type SimulationResult } from './sim/simulate.js';

export type { Finding, Location, Range, Severity, ObjectRef } from './findings.js';
export type { DrydockConfig, Level, FailOn } from './config/config.js';
export type { RuleMeta } from './rules/types.js';
export type { SimulationResult } from './sim/simulate.js';
export { RULES } from './rules/index.js';

export interface LintOptions {
  /** Working directory: paths in findings are relative to it (default: process.cwd()). */
  cwd?: string;
  /** Settings as read from `.drydock.yaml`. */
  config?: DrydockConfig;
  /** Extra ignore globs (added to the config's). */
  ignore?: readonly string[];
  /** Namespace of namespaced objects that name none (overrides the config; default "default"). */
  namespace?: string;
  /** Rule levels that override the config (`--rule ID=LEVEL`). */
  ruleLevels?: Readonly<Record<string, Level>>;
  /** Bytes of standard input, for the input path "-". */
  stdin?: () => Promise<Uint8Array>;
  /** Target Kubernetes version `X.Y` (overrides the config; default: the newest supported). */
  kubernetesVersion?: string;
  /** Folders of JSON Schemas in kubeconform's naming (added to the config's), relative to cwd. */
  schemaDirs?: readonly string[];
  /** False skips the dry-run simulation and turns its rules off (`--no-sim`). Default true. */
  simulate?: boolean;
  /** The cluster to simulate against; default: the file `cluster` names, else the built-in profile. */
  clusterProfile?: ClusterProfile;
  /** Path (relative to cwd) of a file of Node, StorageClass and PersistentVolume objects. */
  cluster?: string;
}

export interface LintStats extends LoadStats {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings dropped by `drydock.io/ignore` annotations or `# drydock-ignore` comments. */
  suppressed: number;
}

export interface LintResult {
  findings: Finding[];
  stats: LintStats;
  /** Metadata of the rules that ran. */
  rules: RuleMeta[];
  /** Source text of every file read, keyed by display path (for code frames). */
  sources: Map<string, SourceFile>;
  /** Input paths that do not exist. */
  missing: string[];
  /** Rules that failed with an internal error (a drydock bug); the others still ran. */
  failures: RuleFailure[];
  /** Source ranges holding secret values, per file: reporters never show them. */
  secretRanges: Map<string, Range[]>;
}

/** Resolves each rule's level and options from the config and the overrides. */
export function resolveRuleSettings(config: DrydockConfig | undefined, overrides: Readonly<Record<string, Level>> = {}): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of RULES) {
    const entry = config?.rules?.[rule.meta.id];
    let level: Level = rule.meta.defaultOff ? 'off' : rule.meta.severity;
    let options: Record<string, unknown> = {};
    let explicit = false;
    if (typeof entry === 'string') {
      level = entry;
      explicit = true;
    } else if (entry) {
      explicit = entry.level !== undefined;
      // Configuring an off-by-default rule (e.g. only its options) turns it on.
      level = entry.level ?? rule.meta.severity;
      options = entry.options ?? {};
    }
    if (overrides[rule.meta.id] !== undefined) {
      level = overrides[rule.meta.id];
      explicit = true;
    }
    settings.set(rule.meta.id, { level, options, explicit });
  }
  return settings;
}

export class LintOptionError extends Error {}

/** Validates a target Kubernetes version (`1.29`, `v1.29.3`…); undefined means the newest supported. */
export function resolveKubernetesVersion(input: string | undefined): string {
  if (input === undefined) return DEFAULT_KUBERNETES_VERSION;
  const parsed = parseKubernetesVersion(input);
  if (!parsed.ok) throw new LintOptionError(parsed.error);
  return parsed.version;
}

const REJECTING_RULES = new Set(RULES.filter((r) => r.meta.rejectsObject).map((r) => r.meta.id));

/** Objects with an error finding of a rule that means the API server rejects them. */
function rejectedObjects(graph: ObjectGraph, findings: readonly Finding[]): Set<Manifest> {
  const out = new Set<Manifest>();
  for (const f of findings) {
    const ref = f.location.ref;
    if (f.severity !== 'error' || !ref || !REJECTING_RULES.has(f.ruleId)) continue;
    for (const m of graph.getAll(ref)) if (m.source.file === f.location.file) out.add(m);
  }
  return out;
}

function clusterFileProfile(file: string | undefined, cwd: string): ClusterProfile | undefined {
  if (file === undefined) return undefined;
  const loaded = loadClusterFile(path.resolve(cwd, file), cwd);
  if ('error' in loaded) throw new LintOptionError(`cluster file ${loaded.error}`);
  return loaded.profile;
}

/** What lint and simulate share: the loaded input and the run's settings. */
async function prepareRun(inputs: readonly string[], options: LintOptions, forSimulation = false) {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ?? {};
  const loaded = await loadInputs(inputs.length > 0 ? inputs : ['.'], {
    cwd,
    ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])],
    namespace: options.namespace ?? config.namespace ?? 'default',
    stdin: options.stdin,
  });
  const settings = resolveRuleSettings(config, options.ruleLevels);
  if (options.simulate === false) {
    for (const rule of RULES) if (rule.meta.simulation) settings.set(rule.meta.id, { level: 'off', options: {} });
  }
  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion ?? config.kubernetesVersion);
  const schemaDirs = [...(config.schemaDirs ?? []), ...(options.schemaDirs ?? [])].map((d) => path.resolve(cwd, d));
  for (const dir of schemaDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new LintOptionError(`schema folder not found: ${path.relative(cwd, dir) || dir}`);
  }
  let registry: SchemaRegistry | undefined;
  let simulation: SimulationResult | undefined;
  let rejected: ReadonlySet<Manifest> = new Set();
  const references = config.references ?? 'default';
  const isExternal = externalMatcher(config.external ?? []);
  // Read before any rule runs, so that a bad cluster file is a usage error, not a rule failure.
  const simulating = forSimulation || RULES.some((r) => r.meta.simulation && settings.get(r.meta.id)?.level !== 'off');
  const profile = simulating ? (options.clusterProfile ?? clusterFileProfile(options.cluster ?? config.cluster, cwd) ?? defaultProfile()) : undefined;
  const run: RunContext = {
    cwd,
    kubernetesVersion,
    schemaDirs,
    schemas: () => (registry ??= new SchemaRegistry(loaded.graph, kubernetesVersion, schemaDirs)),
    references,
    isExternal,
    simulation: () => (simulation ??= simulate(loaded.graph, { profile: profile ?? defaultProfile(), kubernetesVersion, references, isExternal, rejected })),
  };
  /** Runs the rules that do not need the simulation; their errors on objects the API server would reject keep those out of it. */
  const runStatic = (rules: readonly Rule[]): EngineResult => {
    const result = runRules(loaded.graph, rules, settings, run);
    rejected = rejectedObjects(loaded.graph, result.findings);
    return result;
  };
  return { loaded, settings, run, runStatic };
}

export interface SimulateResult {
  simulation: SimulationResult;
  /** Input paths that do not exist. */
  missing: string[];
}

/** Loads the inputs and simulates them on the cluster profile (`drydock sim`). */
export async function simulateInputs(inputs: readonly string[], options: LintOptions = {}): Promise<SimulateResult> {
  const { loaded, run, runStatic } = await prepareRun(inputs, options, true);
  runStatic(RULES.filter((r) => r.meta.rejectsObject));
  return { simulation: run.simulation(), missing: loaded.missing };
}

/** Lints files, directories and "-" (stdin). Never throws on bad input: it becomes findings. */
export async function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const { loaded, settings, run, runStatic } = await prepareRun(inputs, options);
  const staticRules = RULES.filter((r) => !r.meta.simulation);
  const simulationRules = RULES.filter((r) => r.meta.simulation);
  const engine = mergeResults(runStatic(staticRules), runRules(loaded.graph, simulationRules, settings, run), RULES);
  const count = (s: string): number => engine.findings.filter((f) => f.severity === s).length;
  return {
    findings: engine.findings,
    stats: {
      ...loaded.stats,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      suppressed: engine.suppressed,
    },
    rules: RULES.filter((r) => settings.get(r.meta.id)?.level !== 'off').map((r) => r.meta),
    sources: new Map(loaded.graph.files.map((f) => [f.path, f])),
    missing: loaded.missing,
    failures: engine.failures,
    secretRanges: secretRanges(loaded.graph),
  };
}
