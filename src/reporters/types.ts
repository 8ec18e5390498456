import type { Finding, Range } from '../findings.js';
import type { LintStats } from '../index.js';
import type { SourceFile } from '../resolver/source-file.js';
import type { RuleMeta } from '../rules/types.js';

/** Everything a reporter may render. Reporters decide nothing: they only format. */
export interface ReportInput {
  findings: readonly Finding[];
  stats: LintStats;
  /** Rules that ran. */
  rules: readonly RuleMeta[];
  sources: ReadonlyMap<string, SourceFile>;
  /** Ranges holding secret values (Secret data, credential env values), per file: never shown. */
  secretRanges: ReadonlyMap<string, readonly Range[]>;
}

export interface TextOptions {
  color: boolean;
  /** Only errors, and no summary when there are none. */
  quiet: boolean;
}

export type Format = 'text' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
