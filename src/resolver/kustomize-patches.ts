import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../k8s/values.js';

export const KUSTOMIZATION_FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/**
 * Files that a kustomization uses as patches (`patchesStrategicMerge`, `patches[].path`,
 * `patchesJson6902[].path`): partial objects that only make sense merged into their base, so they
 * are not checked as objects of their own. Returns absolute paths; never throws.
 */
export async function kustomizationPatchFiles(kustomizationPath: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = parse(await readFile(kustomizationPath, 'utf8'), { maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isRecord(doc)) return [];
  const dir = path.dirname(kustomizationPath);
  const out: string[] = [];
  const add = (p: unknown): void => {
    if (typeof p === 'string' && !p.includes('\n') && /\.(ya?ml|json)$/i.test(p)) out.push(path.resolve(dir, p));
  };
  if (Array.isArray(doc.patchesStrategicMerge)) doc.patchesStrategicMerge.forEach(add);
  for (const field of ['patches', 'patchesJson6902']) {
    const list = doc[field];
    if (!Array.isArray(list)) continue;
    for (const entry of list) add(isRecord(entry) ? entry.path : entry);
  }
  return out;
}
