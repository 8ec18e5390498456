import path from 'node:path';
import { discoverFiles, IgnoreMatcher } from './discover.js';
import { KUSTOMIZATION_FILE_NAMES, kustomizationPatchFiles } from './kustomize-patches.js';
import { ObjectGraph } from './graph.js';
import { manifestsOfDocument, type RawManifest } from './manifest.js';
import { parseYamlFile, type InputProblem } from './parse.js';
import { decodeSource, readSource, type ReadResult } from './read.js';
import type { SourceFile } from './source-file.js';

export interface LoadOptions {
  cwd: string;
  ignore: readonly string[];
  /** Namespace of namespaced objects that name none (default "default"). */
  namespace: string;
  /** Bytes to read for the input path "-". */
  stdin?: () => Promise<Uint8Array>;
}

export interface LoadStats {
  /** Files read (including stdin). */
  files: number;
  /** Files that held no Kubernetes object (Helm values, CI configs…): skipped, not reported. */
  skippedFiles: number;
  /** Files left out by ignore globs. */
  ignoredFiles: number;
  documents: number;
  objects: number;
}

export interface LoadResult {
  graph: ObjectGraph;
  stats: LoadStats;
  /** Input paths that do not exist. */
  missing: string[];
}

export const STDIN_PATH = '<stdin>';

/** Reads every input into an ObjectGraph. Unreadable or malformed input becomes problems, never exceptions. */
export async function loadInputs(inputs: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const ignore = new IgnoreMatcher(options.ignore);
  const paths = inputs.filter((i) => i !== '-');
  const discovery = await discoverFiles(paths, options.cwd, ignore);
  const problems: InputProblem[] = [...discovery.problems];
  const raw: RawManifest[] = [];
  const files: SourceFile[] = [];
  const stats: LoadStats = { files: 0, skippedFiles: 0, ignoredFiles: discovery.ignored, documents: 0, objects: 0 };

  const readAll: { read: () => Promise<ReadResult> }[] = [];
  if (inputs.includes('-')) {
    const stdin = options.stdin ?? readStdin;
    readAll.push({ read: async () => decodeSource(await stdin(), STDIN_PATH) });
  }
  const patches = new Set<string>();
  for (const f of discovery.files) {
    if (KUSTOMIZATION_FILE_NAMES.has(path.basename(f.absPath)))
      for (const p of await kustomizationPatchFiles(f.absPath)) patches.add(p);
  }
  for (const f of discovery.files) {
    if (patches.has(f.absPath)) {
      stats.files++;
      stats.skippedFiles++;
      continue;
    }
    readAll.push({ read: () => readSource(f.absPath, f.displayPath) });
  }

  for (const { read } of readAll) {
    const result = await read();
    stats.files++;
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    files.push(result.file);
    const parsed = parseYamlFile(result.file);
    problems.push(...parsed.problems);
    let objectsInFile = 0;
    for (const doc of parsed.documents) {
      stats.documents++;
      const outcome = manifestsOfDocument(result.file.path, doc);
      problems.push(...outcome.problems);
      raw.push(...outcome.manifests);
      objectsInFile += outcome.manifests.length + outcome.problems.length;
    }
    if (objectsInFile === 0 && parsed.problems.length === 0) stats.skippedFiles++;
  }
  stats.objects = raw.length;
  const graph = new ObjectGraph(raw, problems, { defaultNamespace: options.namespace }, files);
  return { graph, stats, missing: discovery.missing };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
