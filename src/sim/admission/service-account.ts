/**
 * The ServiceAccount admission plugin (§0 step 2, §12.1, message from §13;
 * `plugin/pkg/admission/serviceaccount/admission.go (Admit)`): a pod naming a ServiceAccount that
 * does not exist in its namespace is rejected with
 * `error looking up service account ns/sa: serviceaccount "sa" not found`.
 * `serviceAccountName` defaults to the deprecated `serviceAccount`, then to `default`, which the
 * ServiceAccount controller creates in every namespace. Whether an account exists is the caller's
 * presence policy: `unknown` (no ServiceAccounts in the input, or declared external) admits.
 */
import type { SimPod } from '../model.js';

export type ServiceAccountPresence = 'present' | 'absent' | 'unknown';

export type ServiceAccountLookup = (namespace: string, name: string) => ServiceAccountPresence;

/** The account a pod runs as (`serviceAccountName`, else `serviceAccount`, else `default`). */
export function serviceAccountOf(spec: Record<string, unknown>): string {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const v = spec[field];
    if (typeof v === 'string' && v !== '') return v;
  }
  return 'default';
}

/** The admission error for a missing ServiceAccount, or undefined when the pod is admitted. */
export function checkServiceAccount(pod: SimPod, lookup: ServiceAccountLookup): string | undefined {
  const name = serviceAccountOf(pod.spec);
  if (name === 'default' || lookup(pod.namespace, name) !== 'absent') return undefined;
  return `error looking up service account ${pod.namespace}/${name}: serviceaccount "${name}" not found`;
}
