/**
 * drydock [paths...] — lint Kubernetes manifests.
 * Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error or internal failure.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, findConfigFile, loadConfigFile, parseRuleFlag, type DrydockConfig, type FailOn, type Level } from '../config/config.js';
import { resolveSimulationOptions, type SimulationOptions } from '../config/simulation.js';
import { atOrAbove } from '../rules/engine.js';
import { RULES } from '../rules/index.js';
import { lint, LintOptionError, simulateInputs, type LintOptions } from '../index.js';
import { renderSimText, simView } from '../sim/render.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';
import { FORMATS, type Format, type ReportInput } from '../reporters/types.js';
import { PACKAGE } from '../version.js';

const HELP = `Usage: drydock [options] [paths...]
       drydock sim [options] [paths...]

Lint Kubernetes manifests: files, directories (recursively: .yaml, .yml, .json) or - for stdin.
With no path, the current directory is linted. The dry-run simulation (controllers, admission,
scheduler, volumes, endpoints, rolling updates, node drains) runs as part of linting; \`drydock sim\`
prints the simulated cluster instead of findings (--format text|json).

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output <file>              write the report to a file instead of stdout
  -c, --config <file>              config file (default: .drydock.yaml, searched upward)
      --fail-on <level>            exit 1 when a finding is at or above: error|warning|info|never
                                   (default: error)
      --rule <id=level>            set a rule's level: off|error|warning|info (repeatable)
      --ignore <glob>              skip files matching the glob (repeatable)
  -n, --namespace <name>           namespace of objects that name none (default: default)
  -k, --kubernetes-version <x.y>   target Kubernetes version for schemas and API removals
                                   (default: the newest supported)
      --schema-dir <dir>           folder of JSON Schemas in kubeconform's naming (repeatable)
      --cluster <file>             simulate on the Node, StorageClass and PersistentVolume objects
                                   of this file, e.g. kubectl get nodes -o yaml (default: config
                                   cluster:, else a built-in cluster of 3 workers and a control plane)
      --no-sim                     skip the dry-run simulation
      --list-rules                 list the rules and exit
  -q, --quiet                      report errors only
      --no-color                   disable colours (also: NO_COLOR=1)
      --debug                      print stack traces of internal errors
  -v, --version                    print the version
  -h, --help                       print this help

Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage error or internal failure.
Docs: ${PACKAGE.homepage}`;

class UsageError extends Error {}

export interface CliIo {
  argv: string[];
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  stdin?: () => Promise<Uint8Array>;
}

/** Runs the CLI and returns its exit code (exported for tests). */
export async function main(io: CliIo): Promise<number> {
  let debug = io.argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: io.argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        rule: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        namespace: { type: 'string', short: 'n' },
        'kubernetes-version': { type: 'string', short: 'k' },
        'schema-dir': { type: 'string', multiple: true },
        cluster: { type: 'string' },
        'no-sim': { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    debug = values.debug ?? false;
    if (values.help) {
      io.stdout(HELP + '\n');
      return 0;
    }
    if (values.version) {
      io.stdout(`${PACKAGE.version}\n`);
      return 0;
    }
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    if (values['list-rules']) {
      io.stdout(listRules(format));
      return 0;
    }

    const metas = RULES.map((r) => r.meta);
    const configFile = values.config ? path.resolve(io.cwd, values.config) : findConfigFile(io.cwd);
    if (values.config && !configFile) throw new UsageError(`config file not found: ${values.config}`);
    const config: DrydockConfig = configFile ? loadConfigFile(configFile, metas) : {};

    const failOn = (values['fail-on'] ?? config.failOn ?? 'error') as FailOn;
    if (!['error', 'warning', 'info', 'never'].includes(failOn))
      throw new UsageError(`--fail-on must be one of error, warning, info, never, got "${failOn}"`);
    const ruleLevels: Record<string, Level> = {};
    for (const flag of values.rule ?? []) {
      const { id, level } = parseRuleFlag(flag);
      if (!metas.some((m) => m.id === id)) throw new UsageError(`--rule: unknown rule "${id}" (see --list-rules)`);
      ruleLevels[id] = level;
    }

    const simulation = resolveSimulationOptions({ cluster: values.cluster, noSim: values['no-sim'] }, config, io.cwd);

    const options: LintOptions & SimulationOptions = {
      cwd: io.cwd,
      config,
      ignore: values.ignore ?? [],
      namespace: values.namespace,
      ruleLevels,
      stdin: io.stdin,
      kubernetesVersion: values['kubernetes-version'],
      schemaDirs: values['schema-dir'] ?? [],
      // consumed by the simulator: `cluster` (absolute path), `clusterProfile` (already loaded) and `simulate`.
      ...simulation,
    };
    if (positionals[0] === 'sim') {
      if (values['no-sim']) throw new UsageError('--no-sim makes no sense with drydock sim');
      if (format === 'sarif') throw new UsageError('drydock sim prints text or json');
      const simulated = await simulateInputs(positionals.slice(1), options);
      if (simulated.missing.length > 0) throw new UsageError(`no such file or directory: ${simulated.missing.join(', ')}`);
      const view = simView(simulated.simulation);
      const out = format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderSimText(view);
      if (values.output) writeFileSync(path.resolve(io.cwd, values.output), out);
      else io.stdout(out);
      return 0;
    }
    const result = await lint(positionals, options);
    if (result.missing.length > 0) {
      throw new UsageError(`no such file or directory: ${result.missing.join(', ')}`);
    }

    const color = !values['no-color'] && !io.env.NO_COLOR && (values.color ?? (io.isTTY && !values.output));
    const input: ReportInput = {
      findings: result.findings,
      stats: result.stats,
      rules: result.rules,
      sources: result.sources,
      secretRanges: result.secretRanges,
    };
    const report =
      format === 'json'
        ? formatJson(input)
        : format === 'sarif'
          ? formatSarif(input)
          : formatText(input, { color: Boolean(color), quiet: values.quiet ?? false });
    if (values.output) writeFileSync(path.resolve(io.cwd, values.output), report);
    else io.stdout(report);

    for (const failure of result.failures) {
      io.stderr(`drydock: internal error in rule ${failure.ruleId}: ${errorMessage(failure.error)}\n`);
      if (debug && failure.error instanceof Error && failure.error.stack) io.stderr(failure.error.stack + '\n');
    }
    if (result.failures.length > 0) {
      if (!debug) io.stderr('drydock: the other rules ran; rerun with --debug for details and please report this bug.\n');
      return 2;
    }
    if (failOn === 'never') return 0;
    return result.findings.some((f) => atOrAbove(f.severity, failOn)) ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof LintOptionError || isArgError(err)) {
      io.stderr(`drydock: ${errorMessage(err)}\n`);
      if (!(err instanceof ConfigError)) io.stderr('Run drydock --help for usage.\n');
      return 2;
    }
    io.stderr(`drydock: internal error: ${errorMessage(err)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    else io.stderr('drydock: rerun with --debug for a stack trace, and please report this bug.\n');
    return 2;
  }
}

function isArgError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function listRules(format: Format): string {
  const metas = RULES.map((r) => r.meta);
  if (format !== 'text') {
    return JSON.stringify(
      metas.map((m) => ({ id: m.id, severity: m.severity, enabledByDefault: !m.defaultOff, category: m.category, description: m.description })),
      null,
      2,
    ) + '\n';
  }
  const idWidth = Math.max(...metas.map((m) => m.id.length));
  return (
    metas
      .map((m) => `${m.id.padEnd(idWidth)}  ${(m.defaultOff ? 'off' : m.severity).padEnd(7)}  ${m.category.padEnd(13)}  ${m.description}`)
      .join('\n') + '\n'
  );
}
