import { formatRef } from '../findings.js';
import { isCredentialName, isPrivateKeyValue } from '../k8s/credentials.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
/** Values that are not a credential: placeholders, references, file paths, booleans. */
function looksLikeLiteral(value: string): boolean {
  const text = value.trim();
  if (text === '' || BOOLEAN_WORDS.has(text.toLowerCase())) return false;
  if (/^\$\{?[A-Za-z_][\w.-]*\}?$|^\$\([A-Za-z_][\w.-]*\)$|\{\{.*\}\}/.test(text)) return false;
  if (/^\/[\w.@+-]+(\/[\w.@+-]*)+$/.test(text)) return false;
  return !/^(changeme|change-me|replace-?me|<[^>]*>|x+|\*+|redacted|todo)$/i.test(text);
}

export default defineRule({
  meta: {
    id: 'configmap-secret',
    category: 'security',
    severity: 'warning',
    description: 'A ConfigMap key that looks like a credential (password, token, API key…) with a literal value, or a value holding a private key.',
    rationale:
      'ConfigMaps are meant for non-secret configuration: they are readable by every subject with read access to ConfigMaps (often broad, e.g. the view ClusterRole), printed by kubectl describe, and never encrypted at rest. A credential stored there leaks to all of them; a Secret has its own access rules and can be encrypted.',
  },
  check(ctx) {
    for (const cm of ctx.graph.ofKind('ConfigMap', '')) {
      const data = cm.object.data;
      if (!isRecord(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string') continue;
        const privateKey = isPrivateKeyValue(value);
        if (!privateKey && !(isCredentialName(key) && looksLikeLiteral(value) && !value.includes('\n'))) continue;
        ctx.report({
          node: { manifest: cm, path: ['data', key], part: 'key' },
          message: `${formatRef(cm.ref)} key "${key}" ${privateKey ? 'holds a private key' : 'looks like a credential with a literal value'}, so anyone allowed to read ConfigMaps can read it; move it to a Secret.`,
        });
      }
    }
  },
});
