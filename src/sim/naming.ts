/**
 * Names the controllers give to what they create (§4.1): template hashes (`pod-template-hash`,
 * `controller-revision-hash`) and the 5 random characters of `metadata.generateName`, made
 * deterministic so the same input always yields the same names.
 *
 * Kubernetes: `k8s.io/kubernetes/pkg/controller (ComputeHash)` hashes the Go object dump with
 * FNV-32a and encodes the decimal hash with `k8s.io/apimachinery/pkg/util/rand (SafeEncodeString)`;
 * `k8s.io/apiserver/pkg/storage/names (simpleNameGenerator.GenerateName)` appends 5 random characters
 * of the same alphabet to a prefix truncated to 58 characters.
 */

/** The alphabet of `rand.String` and `SafeEncodeString`: no vowels, no confusable digits (§4.1). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Length of the random part of a generated name. */
export const GENERATED_SUFFIX_LENGTH = 5;

/** `maxGeneratedNameLength`: 63 − 5, so that prefix + suffix stays a valid label (§4.1). */
export const MAX_GENERATE_NAME_PREFIX = 63 - GENERATED_SUFFIX_LENGTH;

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-1a, 32 bits, over bytes. */
export function fnv32a(bytes: Uint8Array, seed: number = FNV32_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV32_PRIME) >>> 0;
  }
  return h >>> 0;
}

const encoder = new TextEncoder();

/** `rand.SafeEncodeString`: each byte of `s` mapped onto the alphabet (byte mod 27). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of encoder.encode(s)) out += NAME_ALPHABET[b % NAME_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * The `pod-template-hash` / `controller-revision-hash` of a template (§4.1 SIM): FNV-32a over the
 * canonical JSON of the template, then, as `ComputeHash` does, the collision count written as 8
 * little-endian bytes; the decimal hash is encoded with SafeEncodeString (e.g. `7d4b9c8f5`).
 */
export function templateHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/**
 * A deterministic stand-in for the 5 random characters of `generateName` (§4.1 SIM): the FNV-32a
 * hash of `seed` written in base 27 over the alphabet.
 */
export function generatedSuffix(seed: string): string {
  let h = fnv32a(encoder.encode(seed));
  let out = '';
  for (let i = 0; i < GENERATED_SUFFIX_LENGTH; i++) {
    out += NAME_ALPHABET[h % NAME_ALPHABET.length];
    h = Math.floor(h / NAME_ALPHABET.length);
  }
  return out;
}

/** `prefix + 5 characters`, the prefix truncated to 58 characters as the API server does (§4.1). */
export function generatedName(prefix: string, seed: string): string {
  return prefix.slice(0, MAX_GENERATE_NAME_PREFIX) + generatedSuffix(seed);
}

/**
 * Generated names that never collide within a namespace: where the API server would answer
 * `AlreadyExists` and the controller retry with new random characters, this retries with a
 * derived seed (`seed#1`, `seed#2`…), so the outcome stays deterministic.
 */
export class NameRegistry {
  private readonly taken = new Map<string, Set<string>>();

  /** Records a name given in the input (a bare Pod's `metadata.name`). */
  reserve(namespace: string, name: string): void {
    this.namesIn(namespace).add(name);
  }

  has(namespace: string, name: string): boolean {
    return this.taken.get(namespace)?.has(name) ?? false;
  }

  /** A free `prefix + 5 characters` name for this seed, recorded as taken. */
  generate(namespace: string, prefix: string, seed: string): string {
    const names = this.namesIn(namespace);
    let name = generatedName(prefix, seed);
    for (let attempt = 1; names.has(name); attempt++) name = generatedName(prefix, `${seed}#${attempt}`);
    names.add(name);
    return name;
  }

  private namesIn(namespace: string): Set<string> {
    let names = this.taken.get(namespace);
    if (!names) this.taken.set(namespace, (names = new Set()));
    return names;
  }
}

/**
 * A deterministic stand-in for the UID the API server assigns (`metadata.uid`, used by the Job
 * controller's `controller-uid` label): four FNV-32a hashes of the seed in UUID layout.
 */
export function deterministicUid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv32a(encoder.encode(`${i}:${seed}`)).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
