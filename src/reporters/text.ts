import { createColors } from 'picocolors';
import type { Finding, Range } from '../findings.js';
import type { SourceFile } from '../resolver/source-file.js';
import type { ReportInput, TextOptions } from './types.js';

const FRAME_CONTEXT = 1;
const MAX_FRAME_WIDTH = 160;

/**
 * Human output, grouped by file:
 *
 *   path/to/file.yaml
 *     12:7  error    message  rule-id
 *        11 |   selector:
 *      > 12 |     app: web
 *           |     ^^^
 *
 *   ✖ 3 problems (1 error, 2 warnings)
 */
export function formatText(input: ReportInput, options: TextOptions): string {
  const c = createColors(options.color);
  const findings = options.quiet ? input.findings.filter((f) => f.severity === 'error') : input.findings;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    const posWidth = Math.max(...list.map((f) => `${f.location.range.startLine}:${f.location.range.startColumn}`.length));
    for (const f of list) {
      const pos = `${f.location.range.startLine}:${f.location.range.startColumn}`.padEnd(posWidth);
      const sev =
        f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      out.push(`  ${c.dim(pos)}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      for (const r of f.related) {
        const where = r.file === file ? `${r.range.startLine}:${r.range.startColumn}` : `${r.file}:${r.range.startLine}:${r.range.startColumn}`;
        out.push(`  ${' '.repeat(posWidth)}  ${c.dim(`         ↳ ${r.note ? `${r.note}: ` : ''}${where}`)}`);
      }
      if (f.severity === 'error') {
        const source = input.sources.get(file);
        if (source) out.push(...codeFrame(source, f, input.secretRanges.get(file) ?? [], c));
      }
    }
    out.push('');
  }
  const s = input.stats;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.filter((f) => f.severity === 'info').length;
  const total = errors + warnings + infos;
  if (total > 0 || !options.quiet) {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos) parts.push(plural(infos, 'info'));
    const checked = `${plural(s.objects, 'object')} in ${plural(s.files - s.skippedFiles, 'file')}${
      s.skippedFiles ? `, ${s.skippedFiles} without Kubernetes objects skipped` : ''
    }${s.suppressed ? `, ${s.suppressed} suppressed` : ''}`;
    const head = total === 0 ? c.green('✔ no problems') : (errors ? c.red : c.yellow)(`✖ ${plural(total, 'problem')} (${parts.join(', ')})`);
    out.push(`${head} ${c.dim(`— checked ${checked}`)}`);
  }
  return out.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

type Colors = ReturnType<typeof createColors>;

function codeFrame(source: SourceFile, f: Finding, secrets: readonly Range[], c: Colors): string[] {
  const r = f.location.range;
  const first = Math.max(1, r.startLine - FRAME_CONTEXT);
  let last = Math.min(source.lineCount, r.startLine + (r.endLine > r.startLine ? 0 : FRAME_CONTEXT));
  while (last > r.startLine && source.line(last).trim() === '') last--;
  const width = String(last).length;
  const lines: string[] = [];
  const maskAll = f.ruleId === 'yaml-syntax' && /^kind:\s*["']?Secret\b/m.test(source.text);
  for (let n = first; n <= last; n++) {
    let text = redact(source.line(n), n, secrets);
    if (maskAll) text = text.replace(/^(\s*(?:-\s+)?[^:#]*:\s*)(\S.*)$/, (_m, k: string, v: string) => k + '*'.repeat(Math.min(v.length, 8)));
    text = text.replace(/\t/g, ' ');
    if (text.length > MAX_FRAME_WIDTH) text = text.slice(0, MAX_FRAME_WIDTH) + '…';
    const marker = n === r.startLine ? c.red('>') : ' ';
    lines.push(`    ${marker} ${c.dim(String(n).padStart(width))} ${c.dim('|')} ${text}`);
    if (n === r.startLine) {
      const end = r.endLine === r.startLine ? r.endColumn : source.line(n).length + 1;
      const len = Math.max(1, Math.min(end - r.startColumn, MAX_FRAME_WIDTH - r.startColumn + 1));
      lines.push(`      ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(Math.max(0, r.startColumn - 1))}${c.red('^'.repeat(len))}`);
    }
  }
  return lines;
}

/** Replaces the characters of secret ranges on a line with asterisks. */
export function redact(text: string, line: number, secrets: readonly Range[]): string {
  const spans: [number, number][] = [];
  for (const s of secrets) {
    if (line < s.startLine || line > s.endLine) continue;
    const from = line === s.startLine ? s.startColumn - 1 : 0;
    const to = line === s.endLine ? s.endColumn - 1 : text.length;
    if (to > from) spans.push([from, to]);
  }
  spans.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [from, to] of spans) out = out.slice(0, from) + '*'.repeat(Math.min(to - from, 8)) + out.slice(to);
  return out;
}
