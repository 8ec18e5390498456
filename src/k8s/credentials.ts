/** Env var names that look like credentials (owned by the env-secret-literal rule). */
const CREDENTIAL = /(pass(word|wd)?|secret|token|api[-_.]?key|private[-_.]?key|access[-_.]?key|credential)/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL.test(name);
}
