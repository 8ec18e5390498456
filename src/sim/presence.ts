/**
 * Whether an object a pod needs exists, under the same policy as the reference rules
 * (src/rules/_reference-policy.ts): objects declared `external:` exist; when the input has no
 * object of that kind at all (Secrets from a vault, ServiceAccounts from another repository), the
 * simulator cannot tell and assumes it exists — unless `references: strict`.
 */
import { ConfigProducers } from '../k8s/config-producers.js';
import type { ObjectGraph } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';

export type Presence = { state: 'present'; manifest: Manifest } | { state: 'absent' } | { state: 'unknown' };

export interface PresencePolicy {
  references: 'default' | 'strict';
  isExternal(ref: { kind: string; namespace?: string; name: string }): boolean;
}

export type PresenceLookup = (kind: string, group: string, namespace: string, name: string) => Presence;

export function presenceLookup(graph: ObjectGraph, policy: PresencePolicy): PresenceLookup {
  let producers: ConfigProducers | undefined;
  /** Whether the input has any object of `group/Kind`: asked once per pod, answered once per kind. */
  const kinds = new Map<string, boolean>();
  return (kind, group, namespace, name) => {
    const manifest = graph.get({ group, kind, namespace, name });
    if (manifest) return { state: 'present', manifest };
    if (policy.isExternal({ kind, namespace, name })) return { state: 'unknown' };
    if (group === '' && (kind === 'Secret' || kind === 'ConfigMap')) {
      // Made by something in the input (a cert-manager Certificate, a ServiceAccount token, an
      // operator's custom resource): it will exist, with keys drydock cannot know.
      producers ??= new ConfigProducers(graph);
      if (producers.producerOf(kind, namespace, name)) return { state: 'unknown' };
      if (policy.references !== 'strict' && producers.likelyOperatorOwner(namespace, name)) return { state: 'unknown' };
    }
    const kindKey = `${group}/${kind}`;
    let kindPresent = kinds.get(kindKey);
    if (kindPresent === undefined) kinds.set(kindKey, (kindPresent = graph.ofKind(kind).some((m) => m.ref.group === group)));
    if (!kindPresent && policy.references !== 'strict') return { state: 'unknown' };
    return { state: 'absent' };
  };
}
