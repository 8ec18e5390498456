import type * as Sarif from 'sarif';
import type { Finding, Location, Severity } from '../findings.js';
import { PACKAGE, ruleDocsUrl } from '../version.js';
import type { ReportInput } from './types.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const RESULT_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function sarifUri(file: string): string {
  return file === '<stdin>' ? 'stdin' : file.split('/').map(encodeURIComponent).join('/');
}

function physical(l: Location): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: sarifUri(l.file), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: l.range.startLine,
      startColumn: l.range.startColumn,
      endLine: l.range.endLine,
      endColumn: Math.max(l.range.endColumn, l.range.endLine === l.range.startLine ? l.range.startColumn + 1 : 1),
    },
  };
}

function logicalName(l: Location): Sarif.LogicalLocation[] | undefined {
  if (!l.ref) return undefined;
  const r = l.ref;
  return [{ fullyQualifiedName: r.namespace === undefined ? `${r.kind}/${r.name}` : `${r.kind}/${r.namespace}/${r.name}`, kind: 'object' }];
}

/** SARIF 2.1.0 log: one run, every rule that ran in `tool.driver.rules`, results with stable fingerprints. */
export function toSarif(input: ReportInput): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = input.rules.map((m) => ({
    id: m.id,
    name: m.id
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: m.description },
    fullDescription: { text: m.rationale },
    helpUri: ruleDocsUrl(m.id),
    help: { text: `${m.description} ${m.rationale}`, markdown: `${m.description}\n\n${m.rationale}\n\n[Documentation](${ruleDocsUrl(m.id)})` },
    defaultConfiguration: { level: LEVEL[m.severity], enabled: !m.defaultOff },
    properties: { category: m.category, tags: [m.category] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = input.findings.map((f: Finding) => {
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      level: RESULT_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: physical(f.location), logicalLocations: logicalName(f.location) }],
      partialFingerprints: { 'drydockFingerprint/v1': f.fingerprint },
    };
    const ruleIndex = index.get(f.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    if (f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physical(r),
        message: r.note ? { text: r.note } : undefined,
        logicalLocations: logicalName(r),
      }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: PACKAGE.name,
            version: PACKAGE.version,
            semanticVersion: PACKAGE.version,
            informationUri: PACKAGE.homepage,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The working directory drydock ran in.' } } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(input: ReportInput): string {
  return JSON.stringify(toSarif(input), null, 2) + '\n';
}
