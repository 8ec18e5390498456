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
import { runRules, type RuleFailure, type RuleSetting } from './rules/engine.js';
import { RULES } from './rules/index.js';
import type { RuleMeta, RunContext } from './rules/types.js';
import { SchemaRegistry } from './schema/registry.js';
import { externalMatcher } from './config/external.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './schema/versions.js';

export type { Finding, Location, Range, Severity, ObjectRef } from './findings.js';
export type { DrydockConfig, Level, FailOn } from './config/config.js';
export type { RuleMeta } from './rules/types.js';
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

/** Lints files, directories and "-" (stdin). Never throws on bad input: it becomes findings. */
export async function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ?? {};
  const loaded = await loadInputs(inputs.length > 0 ? inputs : ['.'], {
    cwd,
    ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])],
    namespace: options.namespace ?? config.namespace ?? 'default',
    stdin: options.stdin,
  });
  const settings = resolveRuleSettings(config, options.ruleLevels);
  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion ?? config.kubernetesVersion);
  const schemaDirs = [...(config.schemaDirs ?? []), ...(options.schemaDirs ?? [])].map((d) => path.resolve(cwd, d));
  for (const dir of schemaDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new LintOptionError(`schema folder not found: ${path.relative(cwd, dir) || dir}`);
  }
  let registry: SchemaRegistry | undefined;
  const run: RunContext = {
    cwd,
    kubernetesVersion,
    schemaDirs,
    schemas: () => (registry ??= new SchemaRegistry(loaded.graph, kubernetesVersion, schemaDirs)),
    references: config.references ?? 'default',
    isExternal: externalMatcher(config.external ?? []),
  };
  const engine = runRules(loaded.graph, RULES, settings, run);
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
