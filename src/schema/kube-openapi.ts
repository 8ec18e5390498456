/**
 * What ajv needs to validate like the Kubernetes API server does with the OpenAPI schemas of CRDs
 * (and of the CRD-derived JSON Schemas users keep in schema folders):
 *
 * - the string formats apiextensions-apiserver checks (the list in the `format` documentation of
 *   JSONSchemaProps: bsonobjectid, uri, email, hostname, ipv4, ipv6, cidr, mac, uuid…, byte, date,
 *   duration, datetime). Every other format (int32, int64, double, quantity…) is ignored by the
 *   API server, so it is ignored here too. The checks follow the Go parsers they name, leniently
 *   where those are lenient;
 * - a regular-expression engine for `pattern`: Kubernetes patterns are Go RE2 syntax. Most are
 *   valid JavaScript too; the common differences (`(?i)` flags, `\z`, `\pL`, `(?P<name>`,
 *   POSIX classes, escaped punctuation) are translated, and a pattern that still does not compile
 *   is not checked (never a crash, never a false finding).
 */
import { isIP } from 'node:net';
import type { ErrorObject, Options } from 'ajv';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';

type FormatCheck = (value: string) => boolean;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const RGB_PART = '\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*';
const RGB = new RegExp(`^rgb\\(${RGB_PART},${RGB_PART},${RGB_PART}\\)$`);
const HOSTNAME_LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;
const MAC =
  /^(?:[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}|[0-9a-f]{2}(?:[:-][0-9a-f]{2}){7}|[0-9a-f]{2}(?:[:-][0-9a-f]{2}){19}|[0-9a-f]{4}(?:\.[0-9a-f]{4}){2}|[0-9a-f]{4}(?:\.[0-9a-f]{4}){3}|[0-9a-f]{4}(?:\.[0-9a-f]{4}){9})$/i;
/** RFC 3339 date-time as strfmt reads it: `T` or space, optional seconds, fraction and zone. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Go time.ParseDuration, or strfmt's "<number> <unit>" form ("3 days", "22 ns"). */
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const WORD_DURATION = /^\s*\d+(?:\.\d+)?\s*[a-zµμ]+\s*$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day <= days;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isbn10(s: string): boolean {
  const v = s.replace(/[\s-]/g, '');
  if (!/^\d{9}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (i + 1) * (v[i] === 'X' ? 10 : Number(v[i]));
  return sum % 11 === 0;
}

function isbn13(s: string): boolean {
  const v = s.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(v[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(v[12]);
}

function hostname(s: string): boolean {
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => HOSTNAME_LABEL.test(label));
}

function cidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const family = isIP(ip);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Go's net/url.ParseRequestURI: an absolute URI (scheme:…) or an absolute path, no control characters. */
function uri(s: string): boolean {
  if (/[\x00-\x20\x7f]/.test(s)) return false;
  return /^[a-z][a-z0-9+.-]*:./i.test(s) || s.startsWith('/');
}

/** Go's net/mail.ParseAddress: `local@domain`, optionally as `Name <local@domain>`. */
function email(s: string): boolean {
  const angle = /<([^<>]+)>\s*$/.exec(s);
  const addr = angle ? angle[1] : s.trim();
  return /^[^\s@]+@[^\s@]+$/.test(addr);
}

/**
 * The formats apiextensions-apiserver validates, by name (`datetime` is also accepted as
 * `date-time`, the JSON Schema spelling). Unknown formats are ignored by the API server.
 */
export const KUBERNETES_FORMATS: Readonly<Record<string, FormatCheck>> = {
  bsonobjectid: (s) => /^[0-9a-f]{24}$/i.test(s),
  uri,
  email,
  hostname,
  ipv4: (s) => isIP(s) !== 0 && s.includes('.'),
  ipv6: (s) => isIP(s) !== 0 && s.includes(':'),
  cidr,
  mac: (s) => MAC.test(s),
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  isbn: (s) => isbn10(s) || isbn13(s),
  isbn10,
  isbn13,
  creditcard: (s) => {
    const digits = s.replace(/\D/g, '');
    return /^(?:4\d{12}(?:\d{3})?|5[1-5]\d{14}|6(?:011|5\d\d)\d{12}|3[47]\d{13}|3(?:0[0-5]|[68]\d)\d{11}|(?:2131|1800|35\d{3})\d{11})$/.test(digits) && luhn(digits);
  },
  ssn: (s) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
  hexcolor: (s) => /^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(s),
  rgbcolor: (s) => RGB.test(s),
  byte: (s) => BASE64.test(s.replace(/[\r\n]/g, '')),
  password: () => true,
  date: (s) => {
    const m = DATE.exec(s);
    return m !== null && validDate(m[1], m[2], m[3]);
  },
  duration: (s) => s === '0' || GO_DURATION.test(s) || WORD_DURATION.test(s),
  datetime: dateTime,
  'date-time': dateTime,
};

function dateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m || !validDate(m[1], m[2], m[3])) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && (m[6] === undefined || Number(m[6]) < 61);
}

/** The format is one the API server checks (others are dropped from CRD schemas). */
export function isKubernetesFormat(name: unknown): name is string {
  return typeof name === 'string' && Object.hasOwn(KUBERNETES_FORMATS, name);
}

// ---------------------------------------------------------------------------------------------
// Go RE2 patterns

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Characters JavaScript's unicode mode lets a backslash escape (outside a class; `-` too inside one). */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

interface Translated {
  source: string;
  flags: string;
}

/** Go RE2 syntax → JavaScript, for the constructs that differ in practice; undefined if hopeless. */
export function translateGoPattern(pattern: string): Translated | undefined {
  let p = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead) {
    if (lead[1].includes('U')) return undefined;
    flags = [...new Set(lead[1].split(''))].join('');
    p = p.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return undefined;
      i++;
      if (n === 'A' && !inClass) out += '^';
      else if (n === 'z' && !inClass) out += '$';
      else if (n === 'Q') {
        // \Q…\E quotes literally.
        const end = p.indexOf('\\E', i + 1);
        const literal = end === -1 ? p.slice(i + 1) : p.slice(i + 1, end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end === -1 ? p.length : end + 1;
      } else if (n === 'x' && p[i + 1] === '{') {
        const m = /^\{([0-9A-Fa-f]{1,6})\}/.exec(p.slice(i + 1));
        if (!m) return undefined;
        out += `\\u{${m[1]}}`;
        i += m[0].length;
      } else if ((n === 'p' || n === 'P') && p[i + 1] !== '{' && /[A-Za-z]/.test(p[i + 1] ?? '')) {
        out += `\\${n}{${p[i + 1]}}`;
        i++;
      } else if (/[A-Za-z0-9]/.test(n)) out += `\\${n}`;
      else if (JS_SYNTAX.has(n) || (inClass && n === '-')) out += `\\${n}`;
      else out += n === '-' ? '-' : n;
      continue;
    }
    if (inClass) {
      if (c === '[' && p[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
        if (!m || !Object.hasOwn(POSIX_CLASSES, m[2]) || m[1]) return undefined;
        out += POSIX_CLASSES[m[2]];
        i += m[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in RE2.
      if (p[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (p[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && p.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (c === '(' && p[i + 1] === '?' && /^\(\?[imsU-]+[:)]/.test(p.slice(i))) return undefined;
    out += c;
  }
  return { source: out, flags };
}

const UNCHECKED: RegExpLike = { test: () => true };

function compilePattern(pattern: string, u: string): RegExpLike {
  const translated = translateGoPattern(pattern);
  if (!translated) return UNCHECKED;
  // Unicode mode first (\p{L}, strict syntax); without it, `{` and other loose forms still compile.
  for (const mode of new Set([u, ''])) {
    try {
      return new RegExp(translated.source, translated.flags + mode);
    } catch {
      // try the next mode
    }
  }
  return UNCHECKED;
}

/** ajv's `code.regExp`: Go patterns that JavaScript accepts as they are, translated, or unchecked. */
export const goRegExp: RegExpEngine = Object.assign((pattern: string, u: string) => compilePattern(pattern, u), { code: 'goRegExp' });

/**
 * ajv options shared by CRD and schema-folder validators: every error reported, and, like the
 * built-in validators, error objects without `message` (src/schema/issues.ts writes the messages).
 */
export function kubernetesAjvOptions(): Options {
  return {
    allErrors: true,
    strict: false,
    logger: false,
    messages: false,
    formats: { ...KUBERNETES_FORMATS },
    code: { regExp: goRegExp },
  };
}

/** A short text for an error of meta-schema validation (ajv runs without messages). */
export function describeSchemaError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${Array.isArray(p.type) ? p.type.join(' or ') : String(p.type)}`;
    case 'enum':
      return `must be one of ${((p.allowedValues as unknown[] | undefined) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} items`;
    case 'uniqueItems':
      return 'must not contain duplicate items';
    case 'required':
      return `must have "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `must not have "${String(p.additionalProperty)}"`;
    default:
      return `fails the "${e.keyword}" check of the JSON Schema meta-schema`;
  }
}

/** The errors of `ajv.validateSchema`, one text per place: `/properties/spec/type must be string`. */
export function schemaErrorsText(errors: readonly ErrorObject[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of errors) {
    if (seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    parts.push(`${e.instancePath || '(root)'} ${describeSchemaError(e)}`);
  }
  return parts.join('; ');
}
