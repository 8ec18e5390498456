import { formatRef } from '../findings.js';
import { isCredentialName, isPrivateKeyValue } from '../k8s/credentials.js';
import { defineRule } from './types.js';
import { isRecord } from '../k8s/values.js';

/** `$(VAR)` references, which the kubelet expands from other env vars of the container. */
const VAR_REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_.-]*\)/g;
/** An absolute file path such as `/var/run/secrets/token`: the variable points at a mounted file. */
const ABSOLUTE_PATH = /^\/[\w.@+-]+(\/[\w.@+-]*)+$/;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);

/**
 * The literal of an env var as Kubernetes would see it, or undefined when the value is not a
 * literal credential: absent, empty, only `$(VAR)` references, a boolean switch or a file path.
 */
function literalValue(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else return undefined; // null, booleans, maps, lists: not a literal credential
  if (text === '') return undefined;
  const withoutRefs = text.replace(VAR_REFERENCE, '');
  if (withoutRefs !== text && !/[A-Za-z0-9]/.test(withoutRefs)) return undefined;
  if (BOOLEAN_WORDS.has(text.toLowerCase())) return undefined;
  if (ABSOLUTE_PATH.test(text)) return undefined;
  return text;
}

export default defineRule({
  meta: {
    id: 'env-secret-literal',
    category: 'security',
    severity: 'warning',
    description: 'An env var with a credential-like name (password, token, API key, ...) set to a literal value instead of a Secret reference.',
    rationale:
      'A literal env value is stored in plain text in the manifest, in Git, in the workload object and in every ReplicaSet revision: anyone who can read the Deployment or the repository can read the credential, and rotating it means a new rollout. Loading it with valueFrom.secretKeyRef keeps it in a Secret with its own access control.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowNames: {
          type: 'array',
          items: { type: 'string' },
          description: 'Exact env var names that are never reported.',
        },
      },
    },
    defaults: { allowNames: [] },
  },
  check(ctx) {
    const allow = new Set(
      Array.isArray(ctx.options.allowNames) ? ctx.options.allowNames.filter((n): n is string => typeof n === 'string') : [],
    );
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        env.forEach((e, i) => {
          if (!isRecord(e) || typeof e.name !== 'string' || allow.has(e.name)) return;
          if (e.valueFrom !== undefined && e.valueFrom !== null) return;
          const literal = literalValue(e.value);
          if (literal === undefined) return;
          const privateKey = isPrivateKeyValue(literal);
          if (!privateKey && !isCredentialName(e.name)) return;
          const what = privateKey ? 'holds a literal private key' : 'looks like a credential but has a literal value';
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'env', i, 'name'] },
            message: `Env var "${e.name}" of container "${c.name}" in ${formatRef(entry.manifest.ref)} ${what}, so the secret sits in plain text in the manifest and the workload object; store it in a Secret and load it with valueFrom.secretKeyRef.`,
          });
        });
      }
    }
  },
});
