import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import type { Severity } from '../findings.js';
import type { RuleMeta } from '../rules/types.js';

export type Level = Severity | 'off';
export type FailOn = Severity | 'never';

export type RuleConfig = Level | { level?: Level; options?: Record<string, unknown> };

/** `.drydock.yaml` */
export interface DrydockConfig {
  rules?: Record<string, RuleConfig>;
  /** Globs (relative to the working directory) of files and folders not to read. */
  ignore?: string[];
  /** Namespace of namespaced objects that name none. */
  namespace?: string;
  failOn?: FailOn;
  /** Target Kubernetes version `X.Y` (default: the newest supported). */
  kubernetesVersion?: string;
  /** Folders of JSON Schemas (kubeconform naming), relative to the working directory. */
  schemaDirs?: string[];
  /**
   * How missing referenced objects are reported: `default` reports a missing object of a kind the
   * input has none of at `info` (it is probably managed elsewhere); `strict` reports all at the
   * rule's level.
   */
  references?: 'default' | 'strict';
  /** Objects provided outside the input, as `Kind/namespace/name` (or `Kind/name`) globs. */
  external?: string[];
  /**
   * File of Node, StorageClass and PersistentVolume objects the simulator uses instead of its
   * built-in cluster profile. Written relative to the config file's folder; `loadConfigFile`
   * returns it absolute. `--cluster` overrides it.
   */
  cluster?: string;
}

export class ConfigError extends Error {}

export const CONFIG_FILE_NAME = '.drydock.yaml';
const LEVELS = ['error', 'warning', 'info', 'off'];

/** The JSON schema of the config file, generated from rule metadata (unknown rule ids are errors). */
export function configSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const meta of rules) {
    ruleProps[meta.id] = {
      oneOf: [
        { enum: LEVELS },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            level: { enum: LEVELS },
            options: meta.options ?? { type: 'object', additionalProperties: false, properties: {} },
          },
        },
      ],
    };
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: { type: 'object', additionalProperties: false, properties: ruleProps },
      ignore: { type: 'array', items: { type: 'string' } },
      namespace: { type: 'string', minLength: 1 },
      failOn: { enum: ['error', 'warning', 'info', 'never'] },
      kubernetesVersion: { type: 'string', pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$' },
      schemaDirs: { type: 'array', items: { type: 'string', minLength: 1 } },
      references: { enum: ['default', 'strict'] },
      external: { type: 'array', items: { type: 'string', pattern: '^[^/]+/[^/]+(/[^/]+)?$' } },
      cluster: { type: 'string', minLength: 1 },
    },
  };
}

/** Finds `.drydock.yaml` in `cwd` or the nearest parent directory. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; a problem throws ConfigError naming the file and the bad key. */
export function loadConfigFile(file: string, rules: readonly RuleMeta[]): DrydockConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // YAML 1.2: `off` must stay the string 'off', not YAML 1.1's boolean false.
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(`${file}:${e.linePos?.[0].line ?? 1}: invalid YAML in config: ${e.message.split('\n')[0]}`);
  }
  const value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  const config = validateConfig(value, rules, file);
  if (config.cluster !== undefined) config.cluster = path.resolve(path.dirname(file), config.cluster);
  return config;
}

export function validateConfig(value: unknown, rules: readonly RuleMeta[], label = 'config'): DrydockConfig {
  const version = (value as { kubernetesVersion?: unknown } | null)?.kubernetesVersion;
  if (typeof version === 'number')
    throw new ConfigError(`${label}: kubernetesVersion must be a quoted string such as "1.30" (YAML reads 1.30 as the number ${version})`);
  const ajv = new Ajv({ allErrors: false, strict: false });
  const validate = ajv.compile(configSchema(rules));
  if (!validate(value)) throw new ConfigError(`${label}: ${describeError(validate.errors ?? [], value)}`);
  return value as DrydockConfig;
}

function describeError(errors: ErrorObject[], value: unknown): string {
  // Prefer the deepest, most specific error (an unknown key beats a failed oneOf).
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const extra = sorted.find((e) => e.keyword === 'additionalProperties');
  const e = extra ?? sorted[0];
  const at = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const where = at ? `${at}.${key}` : key;
    return at === 'rules' ? `unknown rule "${key}" (key ${where})` : `unknown key "${where}"`;
  }
  if (e.keyword === 'oneOf' || e.keyword === 'enum') {
    const got = at.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
    return `invalid value ${JSON.stringify(got)} for "${at}": expected one of ${at.startsWith('failOn') ? 'error, warning, info, never' : 'error, warning, info, off'}`;
  }
  return `"${at || '(root)'}" ${e.message ?? 'is invalid'}`;
}

/** Parses `ID=LEVEL` from --rule. */
export function parseRuleFlag(flag: string): { id: string; level: Level } {
  const m = /^([a-z0-9-]+)=(error|warning|info|off)$/.exec(flag.trim());
  if (!m) throw new ConfigError(`--rule expects ID=off|error|warning|info, got "${flag}"`);
  return { id: m[1], level: m[2] as Level };
}
