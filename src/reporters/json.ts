import type { Finding, Location } from '../findings.js';
import { PACKAGE } from '../version.js';
import type { ReportInput } from './types.js';

/**
 * The JSON report (documented in the README; `formatVersion` changes only on incompatible change):
 * { formatVersion, tool: {name, version}, findings: JsonFinding[], counts: {error, warning, info}, stats }
 */
export interface JsonLocation {
  file: string;
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  object?: { group: string; version: string; kind: string; namespace?: string; name: string };
  note?: string;
}

export interface JsonFinding extends JsonLocation {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  related: JsonLocation[];
  fingerprint: string;
}

export interface JsonReport {
  formatVersion: 1;
  tool: { name: string; version: string };
  findings: JsonFinding[];
  counts: { error: number; warning: number; info: number };
  stats: { files: number; skippedFiles: number; ignoredFiles: number; documents: number; objects: number; suppressed: number };
}

function location(l: Location): JsonLocation {
  const out: JsonLocation = { file: l.file, range: { ...l.range } };
  if (l.ref) out.object = { ...l.ref };
  if (l.note) out.note = l.note;
  return out;
}

export function toJsonReport(input: ReportInput): JsonReport {
  const s = input.stats;
  return {
    formatVersion: 1,
    tool: { name: PACKAGE.name, version: PACKAGE.version },
    findings: input.findings.map((f: Finding) => ({
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...location(f.location),
      related: f.related.map(location),
      fingerprint: f.fingerprint,
    })),
    counts: { error: s.errors, warning: s.warnings, info: s.infos },
    stats: {
      files: s.files,
      skippedFiles: s.skippedFiles,
      ignoredFiles: s.ignoredFiles,
      documents: s.documents,
      objects: s.objects,
      suppressed: s.suppressed,
    },
  };
}

export function formatJson(input: ReportInput): string {
  return JSON.stringify(toJsonReport(input), null, 2) + '\n';
}
