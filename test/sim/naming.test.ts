import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  deterministicUid,
  fnv32a,
  generatedName,
  generatedSuffix,
  NAME_ALPHABET,
  NameRegistry,
  safeEncodeString,
  templateHash,
} from '../../src/sim/naming.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const FROM_ALPHABET = new RegExp(`^[${NAME_ALPHABET}]+$`);

describe('naming (§4.1)', () => {
  it('computes FNV-32a like Go hash/fnv New32a', () => {
    expect(fnv32a(bytes(''))).toBe(0x811c9dc5);
    expect(fnv32a(bytes('a'))).toBe(0xe40c292c);
    expect(fnv32a(bytes('foobar'))).toBe(0xbf9cf968);
  });

  it('encodes like rand.SafeEncodeString: each byte modulo 27 onto bcdfghjklmnpqrstvwxz2456789', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('')).toBe('');
  });

  it('hashes templates over canonical JSON: key order does not matter, content and collisionCount do', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const b = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { tier: 'fe', app: 'web' } } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(templateHash(a)).toBe(templateHash(b));
    expect(templateHash(a)).toMatch(/^[456789bcdf]{1,10}$/); // a decimal uint32, encoded
    expect(templateHash({ ...a, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } })).not.toBe(templateHash(a));
    expect(templateHash(a, 1)).not.toBe(templateHash(a));
    expect(templateHash(a, 1)).toBe(templateHash(a, 1));
  });

  it('gives generateName a deterministic 5-character suffix from the alphabet, the prefix cut at 58', () => {
    const s = generatedSuffix('default/web-abc/0');
    expect(s).toHaveLength(5);
    expect(s).toMatch(FROM_ALPHABET);
    expect(generatedSuffix('default/web-abc/0')).toBe(s);
    expect(generatedSuffix('default/web-abc/1')).not.toBe(s);
    const long = generatedName(`${'x'.repeat(70)}-`, 'seed');
    expect(long).toHaveLength(63);
    expect(long.startsWith('x'.repeat(58))).toBe(true);
  });

  it('retries a taken name with a derived seed, deterministically', () => {
    const names = new NameRegistry();
    const first = generatedName('web-', 'seed');
    names.reserve('default', first);
    const second = names.generate('default', 'web-', 'seed');
    expect(second).not.toBe(first);
    expect(second).toBe(generatedName('web-', 'seed#1'));
    expect(new NameRegistry().generate('other', 'web-', 'seed')).toBe(first);
    const many = new NameRegistry();
    const all = Array.from({ length: 20_000 }, (_, i) => many.generate('default', 'web-', `default/web/${i}`));
    expect(new Set(all).size).toBe(20_000);
  });

  it('makes UUID-shaped stand-ins for object UIDs', () => {
    expect(deterministicUid('default/Job/pi')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(deterministicUid('default/Job/pi')).toBe(deterministicUid('default/Job/pi'));
    expect(deterministicUid('default/Job/pi')).not.toBe(deterministicUid('default/Job/pj'));
  });
});
