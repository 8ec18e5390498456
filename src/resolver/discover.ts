import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Minimatch } from 'minimatch';
import type { InputProblem } from './parse.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Directories never descended into. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the working directory, forward slashes. */
  displayPath: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: InputProblem[];
  /** Input paths that do not exist (a usage error for the caller to report). */
  missing: string[];
  /** Files left out by ignore globs. */
  ignored: number;
}

export function toDisplayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath) || path.basename(absPath);
  return rel.split(path.sep).join('/');
}

/** Compiled ignore globs, matched against paths relative to the working directory. */
export class IgnoreMatcher {
  private readonly patterns: Minimatch[];
  constructor(globs: readonly string[]) {
    this.patterns = globs.map((g) => new Minimatch(g.replace(/^\.\//, ''), { dot: true, matchBase: !g.includes('/') }));
  }
  matches(displayPath: string): boolean {
    return this.patterns.some((p) => p.match(displayPath) || p.match(displayPath + '/'));
  }
}

/**
 * Expands input paths into files: files as given, directories recursively (`.yaml`, `.yml`,
 * `.json`), in a stable order. Symlinked directories are followed once; loops are cut.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string, ignore: IgnoreMatcher): Promise<Discovery> {
  const out: Discovery = { files: [], problems: [], missing: [], ignored: 0 };
  const seenFiles = new Set<string>();
  const visitedDirs = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      out.missing.push(input);
      continue;
    }
    if (info.isDirectory()) {
      await walk(abs, cwd, ignore, out, seenFiles, visitedDirs);
    } else {
      const display = toDisplayPath(cwd, abs);
      if (ignore.matches(display)) out.ignored++;
      else if (!info.isFile()) {
        // A FIFO or device would block or never end: refuse it rather than hang.
        out.problems.push({
          ruleId: 'yaml-syntax',
          file: display,
          range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          message: 'Not a regular file (a pipe, socket or device); it is not read. Use "-" to lint standard input.',
        });
      } else addFile(out, seenFiles, abs, display);
    }
  }
  return out;
}

function addFile(out: Discovery, seen: Set<string>, absPath: string, displayPath: string): void {
  if (seen.has(absPath)) return;
  seen.add(absPath);
  out.files.push({ absPath, displayPath });
}

async function walk(
  dir: string,
  cwd: string,
  ignore: IgnoreMatcher,
  out: Discovery,
  seenFiles: Set<string>,
  visitedDirs: Set<string>,
): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return;
  }
  // Each real directory is walked once: this cuts symlink loops and duplicate links alike.
  if (visitedDirs.has(real)) return;
  visitedDirs.add(real);
  {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      out.problems.push({
        ruleId: 'yaml-syntax',
        file: toDisplayPath(cwd, dir),
        range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        message: `Directory could not be read (${code === 'EACCES' ? 'permission denied' : code}); its manifests are not checked.`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const display = toDisplayPath(cwd, abs);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (ignore.matches(display)) continue;
        await walk(abs, cwd, ignore, out, seenFiles, visitedDirs);
      } else if (isFile && MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        if (ignore.matches(display)) out.ignored++;
        else addFile(out, seenFiles, abs, display);
      }
    }
  }
}
