import { parseDocument, type Document, type Tags, type YAMLError } from 'yaml';
import type { Range } from '../findings.js';
import { SourceFile } from './source-file.js';
import { YamlSourceMap } from './source-map.js';

/** A problem found while reading input, before any object exists (reported by `yaml-syntax`). */
export interface InputProblem {
  ruleId: 'yaml-syntax' | 'object-shape';
  file: string;
  range: Range;
  message: string;
  /** Below the rule's level (duplicate keys, which kubectl tolerates). */
  severity?: 'warning';
}

export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The document as plain data (YAML 1.1 scalars, as the API server reads them). */
  value: unknown;
  map: YamlSourceMap;
}

export interface ParseResult {
  documents: ParsedDocument[];
  problems: InputProblem[];
}

/** Alias expansions allowed per document before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Kubernetes reads manifests with YAML 1.1 scalars (sigs.k8s.io/yaml over go-yaml v2): `yes`/`on` are
 * booleans and `0777` is octal. go-yaml keeps timestamps as strings when decoding into JSON and has
 * no base-60 numbers, so those two YAML 1.1 types are left out.
 */
const kubernetesTags = (tags: Tags): Tags =>
  tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });

/**
 * Splits a YAML stream at document markers (`---` at column 0, which ends any block scalar too),
 * keeping character offsets, and drops parts that hold only comments or directives. Parsing per
 * document keeps memory flat and throughput steady on large files.
 */
export function splitDocuments(text: string): { offset: number; text: string }[] {
  const chunks: { offset: number; text: string }[] = [];
  const marker = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(text)) !== null) {
    if (m[1] === '---') {
      if (m.index > start) chunks.push({ offset: start, text: text.slice(start, m.index) });
      start = m.index;
    } else {
      // `...` ends a document: it stays with that document, and what follows starts a new one.
      const nl = text.indexOf('\n', m.index);
      const end = nl === -1 ? text.length : nl + 1;
      chunks.push({ offset: start, text: text.slice(start, end) });
      start = end;
    }
  }
  chunks.push({ offset: start, text: text.slice(start) });
  return chunks.filter((c) => hasContent(c.text));
}

function hasContent(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%') || line === '---' || line === '...') continue;
    return true;
  }
  return false;
}

/** Parses every document of a file. Never throws: what cannot be read becomes a problem. */
export function parseYamlFile(file: SourceFile): ParseResult {
  const documents: ParsedDocument[] = [];
  const problems: InputProblem[] = [];
  const chunks = splitDocuments(file.text);
  chunks.forEach((chunk, index) => {
    let doc: Document.Parsed;
    let toFileOffset = (o: number): number => chunk.offset + o;
    try {
      doc = parseChunk(chunk.text);
      if (doc.errors.some((e) => e.code === 'MISSING_CHAR')) {
        // go-yaml (libyaml) accepts quoted scalars whose continuation lines are not indented past
        // their key; the `yaml` package does not. Indent those lines and parse again, mapping
        // offsets back to the original text.
        const repaired = reindentQuotedScalars(chunk.text);
        if (repaired) {
          const second = parseChunk(repaired.text);
          if (!second.errors.some((e) => e.code !== 'DUPLICATE_KEY')) {
            doc = second;
            toFileOffset = (o: number): number => chunk.offset + repaired.toOriginal(o);
          }
        }
      }
    } catch (err) {
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(chunk.offset, chunk.offset),
        message: `Document ${index + 1} could not be parsed: ${errorText(err)}.`,
      });
      return;
    }
    // After the first syntax error the parser's view of the rest is guesswork: report that error
    // only; duplicate keys are reported in documents that otherwise parse.
    const firstFatal = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    const fatal = firstFatal !== undefined;
    for (const error of firstFatal ? [firstFatal] : doc.errors) {
      const [s, e] = errorOffsets(doc, error, chunk.text);
      const duplicate = error.code === 'DUPLICATE_KEY';
      const start = toFileOffset(s);
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(start, duplicate ? start + keyLength(file.text, start) : Math.max(start + 1, toFileOffset(e))),
        message: duplicate
          ? `Duplicate key ${quoteKey(file.text, start)}: kubectl silently keeps the last value, and kustomize, Flux and strict parsers reject the file.`
          : `${syntaxMessage(error)} (the API server cannot read this document).`,
        severity: duplicate ? 'warning' : undefined,
      });
    }
    if (fatal) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const text = errorText(err);
      const bomb = /excessive alias/i.test(text);
      const unresolved = /unresolved alias/i.test(text);
      const at = chunk.offset + firstAliasOffset(chunk.text);
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(at, at + 1),
        message: bomb
          ? `Aliases expand to more than ${MAX_ALIAS_COUNT} nodes: this looks like an alias bomb and the document is not checked.`
          : unresolved
            ? `An alias refers to an anchor that is not defined earlier in this document (anchors do not carry across "---"), so the document cannot be read.`
            : `Document could not be read: ${text}.`,
      });
      return;
    }
    documents.push({ index, value, map: new YamlSourceMap(file, doc, toFileOffset) });
  });
  return { documents, problems };
}

/**
 * Where to report a parse error: a key that continues a value on a more-indented line is reported
 * on that line (as go-yaml does), and an error at the very end of the text on the last content.
 */
function errorOffsets(doc: Document.Parsed, error: YAMLError, text: string): [number, number] {
  let [s, e] = error.pos;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    const multi = doc.errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY') ?? error;
    const [ms, me] = multi.pos;
    const nl = text.lastIndexOf('\n', me - 1);
    if (nl >= ms) {
      s = nl + 1;
      while (text[s] === ' ' || text[s] === '\t') s++;
      e = Math.max(s + 1, me);
    }
  }
  // Point at the token, not at the indentation before it.
  if (text[s] === ' ' || text[s] === '\t') {
    while (text[s] === ' ' || text[s] === '\t') s++;
    e = Math.max(e, s + 1);
  }
  const contentEnd = text.trimEnd().length;
  if (s >= contentEnd && contentEnd > 0) {
    s = contentEnd - 1;
    e = contentEnd;
  }
  return [s, e];
}

function syntaxMessage(error: YAMLError): string {
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Mapping values are not allowed here: this line is indented differently from the keys around it';
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed as indentation';
    default:
      return firstLine(error.message);
  }
}

function parseChunk(text: string): Document.Parsed {
  return parseDocument(text, {
    version: '1.1',
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
    customTags: kubernetesTags,
  });
}

/**
 * Indents the continuation lines of multi-line quoted scalars that are not indented past the line
 * the scalar starts on (leading whitespace of such lines is folded away, so values do not change).
 * Returns undefined when nothing needed it.
 */
export function reindentQuotedScalars(text: string): { text: string; toOriginal: (o: number) => number } | undefined {
  const inserts: { at: number; count: number }[] = [];
  const re = /^([ \t]*)(?:- +)*[^\n#"']*?:[ \t]+(["'])/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const quote = m[2];
    const baseIndent = m[1].length;
    let i = m.index + m[0].length;
    let closed = false;
    while (i < text.length) {
      const ch = text[i];
      if (quote === '"' && ch === '\\') i += 2;
      else if (ch === quote && quote === "'" && text[i + 1] === "'") i += 2;
      else if (ch === quote) {
        closed = true;
        break;
      } else {
        if (ch === '\n') {
          let j = i + 1;
          while (text[j] === ' ') j++;
          if (text[j] !== '\n' && j - (i + 1) <= baseIndent) inserts.push({ at: i + 1, count: baseIndent + 1 - (j - (i + 1)) });
        }
        i++;
      }
    }
    if (!closed) return undefined;
    re.lastIndex = i + 1;
  }
  if (inserts.length === 0) return undefined;
  let out = '';
  let last = 0;
  for (const ins of inserts) {
    out += text.slice(last, ins.at) + ' '.repeat(ins.count);
    last = ins.at;
  }
  out += text.slice(last);
  // Offsets in the repaired text map back by subtracting the spaces inserted before them.
  const repairedStarts = inserts.map((ins, k) => ins.at + inserts.slice(0, k).reduce((a, b) => a + b.count, 0));
  const toOriginal = (o: number): number => {
    let shift = 0;
    for (let k = 0; k < inserts.length; k++) {
      if (o < repairedStarts[k]) break;
      shift += Math.min(inserts[k].count, o - repairedStarts[k]);
    }
    return o - shift;
  };
  return { text: out, toOriginal };
}

function firstAliasOffset(text: string): number {
  const m = /(^|[\s[{,:-])\*[^\s,\]}]/m.exec(text);
  return m ? m.index + m[1].length : 0;
}

function keyLength(text: string, s: number): number {
  const m = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*[^:\s])/.exec(text.slice(s, s + 200));
  return Math.max(1, m ? m[1].length : 1);
}

function quoteKey(text: string, s: number): string {
  const m = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*[^:\s])/.exec(text.slice(s, s + 200));
  const key = m ? m[1].replace(/^["']|["']$/g, '') : '';
  return key.length > 0 && key.length <= 80 ? `"${key}"` : '';
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function errorText(err: unknown): string {
  return firstLine(err instanceof Error ? err.message : String(err));
}
