import { createHash } from 'node:crypto';
import { compareFindings, SEVERITY_RANK, type Finding, type Location, type Severity } from '../findings.js';
import { refKey, type ObjectGraph } from '../resolver/graph.js';
import { podTemplateOf } from '../k8s/pod-template.js';
import type { Manifest } from '../resolver/manifest.js';
import type { RelatedNode, Report, Rule, RunContext } from './types.js';

/** How one rule runs: its level ('off' skips it) and its options. */
export interface RuleSetting {
  level: Severity | 'off';
  options: Record<string, unknown>;
  /** True when the level was set by config or flag: it then applies to every finding of the rule. */
  explicit?: boolean;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface EngineResult {
  findings: Finding[];
  /** Findings dropped by annotations or comments. */
  suppressed: number;
  /** Rules that threw: a bug in drydock, reported by the caller; other rules still ran. */
  failures: RuleFailure[];
}

export const IGNORE_ANNOTATION = 'drydock.io/ignore';
const IGNORE_COMMENT = /#\s*drydock-ignore\b:?\s*([^#]*)/;

/** Runs the enabled rules over the graph and turns their reports into located findings. */
export function runRules(
  graph: ObjectGraph,
  rules: readonly Rule[],
  settings: ReadonlyMap<string, RuleSetting>,
  run: RunContext,
): EngineResult {
  const result: EngineResult = { findings: [], suppressed: 0, failures: [] };
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id);
    const level = setting?.level ?? rule.meta.severity;
    if (level === 'off') continue;
    const overridden = setting?.explicit === true;
    const options = { ...(rule.meta.defaults ?? {}), ...(setting?.options ?? {}) };
    const report = (r: Report): void => {
      let severity: Severity = overridden ? level : (r.severity ?? level);
      if (r.maxSeverity && SEVERITY_RANK[r.maxSeverity] < SEVERITY_RANK[severity]) severity = r.maxSeverity;
      const finding = toFinding(graph, rule, r, severity);
      if (!finding) return;
      if (isSuppressed(graph, rule.meta.id, r, finding)) result.suppressed++;
      else result.findings.push(finding);
    };
    try {
      rule.check({ graph, run, options, report });
    } catch (error) {
      result.failures.push({ ruleId: rule.meta.id, error });
    }
  }
  result.findings = dropSuperseded(result.findings, rules);
  result.findings.sort(compareFindings);
  return result;
}

/** The results of two runs over the same graph (e.g. the simulation's rules after the others), as one. */
export function mergeResults(a: EngineResult, b: EngineResult, rules: readonly Rule[]): EngineResult {
  const findings = dropSuperseded([...a.findings, ...b.findings], rules);
  findings.sort(compareFindings);
  return { findings, suppressed: a.suppressed + b.suppressed, failures: [...a.failures, ...b.failures] };
}

/** Drops a finding when a rule that supersedes its rule reported the same place. */
function dropSuperseded(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const supersededBy = new Map(rules.filter((r) => r.meta.supersededBy?.length).map((r) => [r.meta.id, new Set(r.meta.supersededBy)]));
  if (supersededBy.size === 0) return findings;
  const at = (f: Finding): string => `${f.location.file}:${f.location.range.startLine}:${f.location.range.startColumn}`;
  const rulesAt = new Map<string, Set<string>>();
  for (const f of findings) {
    const key = at(f);
    const set = rulesAt.get(key);
    if (set) set.add(f.ruleId);
    else rulesAt.set(key, new Set([f.ruleId]));
  }
  return findings.filter((f) => {
    const betters = supersededBy.get(f.ruleId);
    if (!betters) return true;
    const here = rulesAt.get(at(f))!;
    return ![...betters].some((id) => here.has(id));
  });
}

function toFinding(graph: ObjectGraph, rule: Rule, r: Report, severity: Severity): Finding | undefined {
  let location: Location;
  let identity: string;
  if (r.node) {
    const { manifest, path, part } = r.node;
    location = { file: manifest.source.file, range: manifest.source.map.rangeOf(path, part).range, ref: manifest.ref };
    identity = `${refKey(manifest.ref)}#${manifest.source.listItem ?? ''}:${path.join('/')}${part === 'key' ? '@key' : ''}`;
  } else if (r.location) {
    location = r.location;
    // No object to anchor to: the key on the reported line keeps the fingerprint stable when lines
    // shift (only the key: a value may be a secret, and even its hash must not leave drydock).
    const lineText = graphFile(graph, r.location.file)?.(r.location.range.startLine) ?? '';
    identity = `${/^\s*(?:-\s+)?([^:#]*):/.exec(lineText)?.[1]?.trim() ?? ''}:${r.message}`;
  } else {
    return undefined;
  }
  const related = (r.related ?? []).map((rel) => (isRelatedNode(rel) ? nodeLocation(rel) : rel));
  const fingerprint = createHash('sha256')
    .update(`${rule.meta.id}\u0000${location.file}\u0000${identity}`)
    .digest('hex')
    .slice(0, 32);
  return { ruleId: rule.meta.id, severity, message: r.message, location, related, fingerprint };
}

function isRelatedNode(v: RelatedNode | Location): v is RelatedNode {
  return (v as RelatedNode).node !== undefined;
}

function nodeLocation(rel: RelatedNode): Location {
  const { manifest, path, part } = rel.node;
  return {
    file: manifest.source.file,
    range: manifest.source.map.rangeOf(path, part).range,
    ref: manifest.ref,
    note: rel.note,
  };
}

/** `"a,b"` / `"*"` → set of ids. */
export function parseIgnoreList(value: unknown): Set<string> {
  if (typeof value !== 'string') return new Set();
  return new Set(
    value
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function ignores(list: Set<string>, ruleId: string): boolean {
  return list.has('*') || list.has(ruleId);
}

function annotationIgnores(metadata: unknown, ruleId: string): boolean {
  if (typeof metadata !== 'object' || metadata === null) return false;
  const annotations = (metadata as { annotations?: unknown }).annotations;
  if (typeof annotations !== 'object' || annotations === null) return false;
  return ignores(parseIgnoreList((annotations as Record<string, unknown>)[IGNORE_ANNOTATION]), ruleId);
}

function isSuppressed(graph: ObjectGraph, ruleId: string, r: Report, finding: Finding): boolean {
  if (r.node) {
    const { manifest, path } = r.node;
    if (annotationIgnores(manifest.object.metadata, ruleId)) return true;
    if (templateAnnotationIgnores(manifest, path, ruleId)) return true;
    const file = manifest.source.map.file;
    return manifest.source.map.ancestorLines(path).some((line) => commentAboveIgnores(file.line.bind(file), line, ruleId));
  }
  // Input problems: a comment directly above the reported line.
  const file = graphFile(graph, finding.location.file);
  return file ? commentAboveIgnores(file, finding.location.range.startLine, ruleId) : false;
}

function templateAnnotationIgnores(manifest: Manifest, path: readonly (string | number)[], ruleId: string): boolean {
  const template = podTemplateOf(manifest.object);
  if (!template || template.path.length === 0) return false;
  const inside = template.path.every((seg, i) => path[i] === seg);
  return inside && annotationIgnores(template.metadata, ruleId);
}

/** Looks through the block of comment lines directly above `line` for `# drydock-ignore ids`. */
function commentAboveIgnores(lineText: (n: number) => string, line: number, ruleId: string): boolean {
  for (let n = line - 1; n >= 1; n--) {
    const text = lineText(n).trim();
    if (!text.startsWith('#')) return false;
    const m = IGNORE_COMMENT.exec(text);
    if (m && ignores(parseIgnoreList(m[1].replace(/--.*$/, '')), ruleId)) return true;
  }
  return false;
}

const fileTexts = new WeakMap<ObjectGraph, Map<string, (n: number) => string>>();

function graphFile(graph: ObjectGraph, path: string): ((n: number) => string) | undefined {
  let map = fileTexts.get(graph);
  if (!map) {
    map = new Map();
    for (const f of graph.files) map.set(f.path, f.line.bind(f));
    fileTexts.set(graph, map);
  }
  return map.get(path);
}

/** True when a finding is at or above a threshold level. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
