/**
 * `--cluster FILE` (config `cluster:`): a YAML or JSON file of Node, StorageClass and
 * PersistentVolume objects that replaces the built-in profile (issue 5, point 1). What
 * `kubectl get nodes,storageclasses,pv -o yaml` prints (a `kind: List`) works as is, and so does a
 * multi-document file. Other kinds are ignored. Section numbers (§) refer to
 * ../shared/docs/k8s-semantics.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toDisplayPath } from '../../resolver/discover.js';
import { ObjectGraph } from '../../resolver/graph.js';
import { manifestsOfDocument, type Manifest, type RawManifest } from '../../resolver/manifest.js';
import { parseYamlFile } from '../../resolver/parse.js';
import { decodeSource } from '../../resolver/read.js';
import type { ClusterProfile, SimNode } from '../model.js';
import { storageClassesOf } from '../storage/classes.js';
import { isProfileProblem, nodeFromObject } from './node.js';

export type ClusterFileResult = { profile: ClusterProfile } | { error: string };

/**
 * Reads a cluster file (`file` absolute or relative to `cwd`). Manifests keep their positions, with
 * paths relative to `cwd`, so findings can point into the file (the node profile, a PV).
 * The profile holds exactly what the file describes: nodes sorted by name, its StorageClasses (none
 * when the file has none — like a real cluster without one, PVCs then only bind to static PVs) and
 * its PersistentVolumes in file order.
 * Errors — unreadable file, YAML syntax, no Node, a node without allocatable or capacity, a bad
 * taint — come back as one line `file:line: message`.
 */
export function loadClusterFile(file: string, cwd: string): ClusterFileResult {
  const absPath = path.resolve(cwd, file);
  const display = toDisplayPath(cwd, absPath);
  const fail = (line: number | undefined, message: string): ClusterFileResult => ({
    error: `${display}${line === undefined ? '' : `:${line}`}: ${message}`,
  });

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err));
    return fail(undefined, `cannot read the cluster file (${why})`);
  }
  const decoded = decodeSource(bytes, display);
  if (!decoded.ok) return fail(decoded.problem.range.startLine, decoded.problem.message);

  const parsed = parseYamlFile(decoded.file);
  const raw: RawManifest[] = [];
  const problems = parsed.problems.filter((p) => p.severity !== 'warning');
  for (const doc of parsed.documents) {
    const outcome = manifestsOfDocument(display, doc);
    problems.push(...outcome.problems);
    raw.push(...outcome.manifests);
  }
  const firstProblem = problems.sort((a, b) => a.range.startLine - b.range.startLine)[0];
  if (firstProblem) return fail(firstProblem.range.startLine, firstProblem.message);

  const graph = new ObjectGraph(raw, [], { defaultNamespace: 'default' }, [decoded.file]);
  const nodeManifests = graph.ofKind('Node', '');
  if (nodeManifests.length === 0) {
    const kinds = [...new Set(graph.manifests.map((m) => m.ref.kind))];
    const found = kinds.length === 0 ? 'no Kubernetes object' : `only ${kinds.join(', ')}`;
    return fail(1, `no Node object in the cluster file (found ${found}); list the cluster's nodes, e.g. with kubectl get nodes -o yaml`);
  }
  const nodes: SimNode[] = [];
  const seen = new Map<string, Manifest>();
  for (const manifest of nodeManifests) {
    const node = nodeFromObject(manifest);
    if (isProfileProblem(node)) return fail(lineOf(node.manifest, node.path), node.message);
    const first = seen.get(node.name);
    if (first) return fail(lineOf(manifest, ['metadata', 'name']), `Node "${node.name}" is listed twice (first at line ${lineOf(first, ['metadata', 'name'])})`);
    seen.set(node.name, manifest);
    nodes.push(node);
  }
  nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return {
    profile: {
      source: display,
      nodes,
      storageClasses: storageClassesOf([...graph.ofKind('StorageClass', 'storage.k8s.io')]),
      persistentVolumes: [...graph.ofKind('PersistentVolume', '')],
    },
  };
}

function lineOf(manifest: Manifest, jsonPath: readonly (string | number)[]): number {
  return manifest.source.map.rangeOf(jsonPath).range.startLine;
}
