/** Helpers for plain values read from YAML, where any field may hold any type. */
import type { JsonPath } from '../resolver/source-map.js';

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "a list", "a mapping", "a boolean"… for messages about a value of the wrong type. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  return `a ${typeof v}`;
}

/** Why a YAML scalar is not a string, and how to fix it (appended to a message). */
export function notAStringHint(v: unknown): string {
  if (typeof v === 'boolean') return ' (YAML reads unquoted true/false/yes/no/on/off as booleans); quote it';
  if (typeof v === 'number' || typeof v === 'bigint') return '; quote it';
  return '';
}

export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The value at a JSON path, or undefined when any step is missing or not a container. */
export function valueAt(obj: unknown, path: JsonPath): unknown {
  let cur = obj;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
