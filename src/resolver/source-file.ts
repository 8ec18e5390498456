import type { Range } from '../findings.js';

/**
 * The text of one input file with a line index, so that any character offset can be turned into a
 * 1-based line and column, and comments on the line above a node can be read (suppressions).
 */
export class SourceFile {
  readonly lineStarts: number[];

  constructor(
    /** Path relative to the working directory, forward slashes; "<stdin>" for standard input. */
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }

  /** The text of a 1-based line, without its line break. */
  line(n: number): string {
    if (n < 1 || n > this.lineStarts.length) return '';
    const start = this.lineStarts[n - 1];
    const end = n < this.lineStarts.length ? this.lineStarts[n] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  /** A range covering a whole 1-based line (used when only a line is known). */
  lineRange(n: number): Range {
    const text = this.line(n);
    return { startLine: n, startColumn: 1, endLine: n, endColumn: text.length + 1 };
  }
}
