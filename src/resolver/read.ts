import { readFile } from 'node:fs/promises';
import type { InputProblem } from './parse.js';
import { SourceFile } from './source-file.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Outcome of reading one input: its text, or the problem that stops it from being read. */
export type ReadResult = { ok: true; file: SourceFile } | { ok: false; problem: InputProblem };

/** Reads a file as strict UTF-8 (a BOM is dropped). Never throws. */
export async function readSource(absPath: string, displayPath: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (code ?? String(err));
    return problemAt(displayPath, 1, 1, `File could not be read (${why}).`);
  }
  return decodeSource(bytes, displayPath);
}

/** Decodes bytes as strict UTF-8 and reports binary or badly encoded content with its line. */
export function decodeSource(bytes: Uint8Array, displayPath: string): ReadResult {
  const probe = bytes.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    const { line, column } = lineOfByte(bytes, nul);
    return problemAt(displayPath, line, column, 'File looks binary (it contains NUL bytes), not YAML or JSON; it is not checked.');
  }
  try {
    return { ok: true, file: new SourceFile(displayPath, strictUtf8.decode(bytes)) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = lineOfByte(bytes, bad);
    const hex = bytes[bad]?.toString(16).padStart(2, '0') ?? '??';
    return problemAt(
      displayPath,
      line,
      column,
      `File is not valid UTF-8 (byte 0x${hex}); Kubernetes manifests must be UTF-8, so the file is not checked.`,
    );
  }
}

function problemAt(file: string, line: number, column: number, message: string): ReadResult {
  return {
    ok: false,
    problem: {
      ruleId: 'yaml-syntax',
      file,
      range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 },
      message,
    },
  };
}

function lineOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
