import type { Location, Severity } from '../findings.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath, NodePart } from '../resolver/source-map.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { SimulationResult } from '../sim/simulate.js';

export type RuleCategory =
  | 'syntax'
  | 'correctness'
  | 'networking'
  | 'reliability'
  | 'resources'
  | 'security'
  | 'configuration';

/** A rule's metadata: data that --list-rules, SARIF, the docs table and the config schema read. */
export interface RuleMeta {
  /** kebab-case; equals the module file name and the rules-docs page name. */
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** Why it matters at runtime (a few sentences). */
  rationale: string;
  /** JSON Schema of the rule's options object, when it has options. */
  options?: Record<string, unknown>;
  /** Default option values. */
  defaults?: Record<string, unknown>;
  /** Off unless the config or `--rule` turns it on (then at `severity`). */
  defaultOff?: boolean;
  /**
   * Rules whose findings are more specific than this rule's: a finding of this rule at the same
   * place as one of theirs is dropped (one wrong field, one finding).
   */
  supersededBy?: readonly string[];
  /**
   * The rule reports what the dry-run simulation finds (declared expensive service): the
   * simulation runs only when such a rule is enabled, and `--no-sim` turns these rules off.
   */
  simulation?: boolean;
  /**
   * An error of this rule means the API server would reject the object (invalid field, removed
   * API): the simulator does not create it, as a cluster would not.
   */
  rejectsObject?: boolean;
}

/** A place in one object: the engine turns it into a file range. */
export interface NodeRef {
  manifest: Manifest;
  path: JsonPath;
  /** 'key' points at a mapping key (a bad label key), 'value' (default) at the value. */
  part?: NodePart;
}

export interface RelatedNode {
  node: NodeRef;
  note: string;
}

export interface Report {
  /** Where the problem is. Rules over input problems pass `location` instead. */
  node?: NodeRef;
  location?: Location;
  message: string;
  related?: (RelatedNode | Location)[];
  /** A rule may report some findings below its default level (e.g. a warning-level variant). */
  severity?: Severity;
  /**
   * The most this finding may be, whatever the configured level (e.g. `info` for a reference to
   * a kind the input does not define at all).
   */
  maxSeverity?: Severity;
}

/** Settings of the whole run that some rules need, and services built lazily on first use. */
export interface RunContext {
  /** The working directory (absolute): finding paths are relative to it. */
  readonly cwd: string;
  /** Target Kubernetes version, `X.Y`. */
  readonly kubernetesVersion: string;
  /** Absolute paths of user schema folders (`--schema-dir`). */
  readonly schemaDirs: readonly string[];
  /** Schemas for every kind: built in, from CRDs in the input, from schema folders. */
  schemas(): SchemaRegistry;
  /** `strict` reports every missing reference at the rule's level (config `references`). */
  readonly references: 'default' | 'strict';
  /** True for objects the config's `external:` globs declare as provided outside the input. */
  isExternal(ref: { kind: string; namespace?: string; name: string }): boolean;
  /** The dry-run simulation of the input on the cluster profile, run once on first use. */
  simulation(): SimulationResult;
}

export interface RuleContext {
  readonly graph: ObjectGraph;
  readonly run: RunContext;
  /** The rule's options: config values over the rule's defaults. */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Identity helper that keeps rule modules typed. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
