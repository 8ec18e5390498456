/**
 * Turns ajv errors into schema issues: one per wrong field, with a message that names the field
 * path and what was expected (`spec.replicas: expected integer, got string "three"`).
 */
import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../resolver/source-map.js';
import type { SchemaIssue } from './types.js';

/** `/spec/template/spec/containers/0` → ['spec','template','spec','containers',0]. */
export function pointerToPath(pointer: string, data: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    path.push(key);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/** `spec.template.spec.containers[0].image` */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

function valueAtPath(data: unknown, path: JsonPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** `string "three"`, `integer 3`, `a mapping`, … Strings are cut; with `redact` no value is shown. */
export function describeValue(v: unknown, redact = false): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (redact) return typeof v === 'number' ? (Number.isInteger(v) ? 'an integer' : 'a number') : `a ${typeof v}`;
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? `integer ${v}` : `number ${v}`;
  if (typeof v === 'boolean') return `boolean ${v}`;
  return typeof v;
}

function expectedTypes(errors: ErrorObject[]): string[] {
  const types = new Set<string>();
  for (const e of errors) {
    const t = (e.params as { type?: string | string[] }).type;
    for (const x of Array.isArray(t) ? t : t ? [t] : []) if (x !== 'null') types.add(x === 'object' ? 'mapping' : x === 'array' ? 'list' : x);
  }
  return [...types];
}

const orList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export interface IssueOptions {
  /** Report fields the schema does not know (kubectl's strict field validation). */
  strict: boolean;
  /** Paths under which string values must not be quoted in messages (Secret data…). */
  redact?: (path: JsonPath) => boolean;
}

/**
 * One issue per wrong field. Errors below a node that already has an issue are dropped (a
 * mapping given where a string is expected yields one finding, not one per key), and the
 * alternatives of `oneOf`/`anyOf` collapse into one "expected X or Y".
 */
export function issuesFromErrors(errors: readonly ErrorObject[], data: unknown, options: IssueOptions): SchemaIssue[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (e.keyword === 'additionalProperties' && !options.strict) continue;
    const list = byPointer.get(e.instancePath);
    if (list) list.push(e);
    else byPointer.set(e.instancePath, [e]);
  }
  const issues: SchemaIssue[] = [];
  const reported: string[] = [];
  // Shallow pointers first, so that deeper errors under an already-wrong node can be dropped.
  const pointers = [...byPointer.keys()].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  for (const pointer of pointers) {
    const errs = byPointer.get(pointer)!;
    const path = pointerToPath(pointer, data);
    const value = valueAtPath(data, path);
    const where = formatPath(path);
    const redact = options.redact?.(path) ?? false;
    const under = reported.some((r) => pointer.startsWith(r + '/'));
    if (under) continue;
    let nodeIssue = false;

    // Missing required fields and unknown fields are about children: each is its own issue.
    for (const e of errs) {
      if (e.keyword === 'required') {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        issues.push({ path, part: path.length ? 'key' : 'value', keyword: 'required', message: `${where === '(root)' ? '' : where + ': '}required field "${missing}" is missing` });
      } else if (e.keyword === 'additionalProperties') {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const childPath = [...path, extra];
        if (reported.includes(`${pointer}/${extra}`)) continue;
        reported.push(`${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        issues.push({ path: childPath, part: 'key', keyword: 'additionalProperties', message: `${formatPath(childPath)}: unknown field "${extra}"` });
      }
    }

    const typeErrs = errs.filter((e) => e.keyword === 'type');
    const enumErr = errs.find((e) => e.keyword === 'enum');
    const constErr = errs.find((e) => e.keyword === 'const');
    const altErr = errs.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    if (typeErrs.length > 0 || altErr) {
      const types = expectedTypes(typeErrs);
      issues.push({
        path,
        part: 'value',
        keyword: 'type',
        message: `${where}: expected ${types.length ? orList(types) : 'a different type'}, got ${describeValue(value, redact)}`,
      });
      nodeIssue = true;
    } else if (enumErr) {
      const allowed = ((enumErr.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v));
      issues.push({
        path,
        part: 'value',
        keyword: 'enum',
        message: `${where}: ${describeValue(value, redact)} is not one of ${allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, …` : allowed.join(', ')}`,
      });
      nodeIssue = true;
    } else if (constErr) {
      const allowed = JSON.stringify((constErr.params as { allowedValue: unknown }).allowedValue);
      issues.push({ path, part: 'value', keyword: 'const', message: `${where}: expected ${allowed}, got ${describeValue(value, redact)}` });
      nodeIssue = true;
    } else {
      const other = errs.find((e) => e.keyword !== 'required' && e.keyword !== 'additionalProperties' && e.keyword !== 'if');
      if (other) {
        const text =
          other.keyword === 'format'
            ? `${describeValue(value, redact)} is not a valid ${String((other.params as { format?: unknown }).format)}`
            : (other.message ?? describeKeyword(other));
        issues.push({ path, part: 'value', keyword: other.keyword, message: `${where}: ${text}` });
        nodeIssue = true;
      }
    }
    if (nodeIssue) reported.push(pointer);
  }
  return issues;
}

function describeKeyword(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'pattern':
      return `does not match the pattern ${String(p.pattern)}`;
    case 'format':
      return `is not a valid ${String(p.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return `must be at least ${String(p.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'minProperties':
      return `must have at least ${String(p.limit)} fields`;
    case 'maxProperties':
      return `must have at most ${String(p.limit)} fields`;
    case 'uniqueItems':
      return 'must not contain duplicate items';
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)}`;
    case 'not':
      return 'is not allowed here';
    default:
      return `fails the schema's "${e.keyword}" check`;
  }
}
