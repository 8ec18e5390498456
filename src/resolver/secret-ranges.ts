import type { Range } from '../findings.js';
import { isCredentialName, isPrivateKeyValue } from '../k8s/credentials.js';
import type { ObjectGraph } from './graph.js';
import { isRecord } from '../k8s/values.js';

/**
 * Source ranges that hold secret values — Secret `data`/`stringData` values, literal values of env
 * vars with credential-like names, private keys — so that no output (code frames included) shows them.
 */
export function secretRanges(graph: ObjectGraph): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  const add = (file: string, range: Range): void => {
    const list = out.get(file);
    if (list) list.push(range);
    else out.set(file, [range]);
  };
  for (const secret of graph.ofKind('Secret', '')) {
    for (const field of ['data', 'stringData']) {
      const values = secret.object[field];
      if (!isRecord(values)) continue;
      for (const key of Object.keys(values)) {
        add(secret.source.file, secret.source.map.rangeOf([field, key]).range);
      }
    }
  }
  for (const t of graph.podTemplates()) {
    for (const c of t.containers) {
      const env = c.container.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e, i) => {
        if (!isRecord(e) || typeof e.name !== 'string' || e.value === undefined) return;
        if (!isCredentialName(e.name) && !(typeof e.value === 'string' && isPrivateKeyValue(e.value))) return;
        const r = t.manifest.source.map.rangeOf([...c.path, 'env', i, 'value']);
        if (r.exact) add(t.manifest.source.file, r.range);
      });
    }
  }
  return out;
}
