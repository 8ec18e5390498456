import { parseDocument, type Document, type Tags } from 'yaml';
import type { Range } from '../findings.js';
import { SourceFile } from './source-file.js';
import { YamlSourceMap } from './source-map.js';

/** A problem found while reading input, before any object exists (reported by `yaml-syntax`). */
export interface InputProblem {
  ruleId: 'yaml-syntax' | 'object-shape';
  file: string;
  range: Range;
  message: string;
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
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(text)) !== null) {
    if (m.index > start) chunks.push({ offset: start, text: text.slice(start, m.index) });
    start = m.index;
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
    try {
      doc = parseDocument(chunk.text, {
        version: '1.1',
        merge: true,
        uniqueKeys: true,
        prettyErrors: false,
        customTags: kubernetesTags,
      });
    } catch (err) {
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(chunk.offset, chunk.offset),
        message: `Document ${index + 1} could not be parsed: ${errorText(err)}.`,
      });
      return;
    }
    let fatal = false;
    for (const error of doc.errors) {
      const [s, e] = error.pos;
      const duplicate = error.code === 'DUPLICATE_KEY';
      if (!duplicate) fatal = true;
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(chunk.offset + s, chunk.offset + Math.max(s + 1, e)),
        message: duplicate
          ? `Duplicate key ${quoteKey(chunk.text, s)}: the API server rejects documents with repeated keys.`
          : `${firstLine(error.message)} (the API server cannot read this document).`,
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
      problems.push({
        ruleId: 'yaml-syntax',
        file: file.path,
        range: file.range(chunk.offset + firstAliasOffset(chunk.text), chunk.offset + firstAliasOffset(chunk.text) + 1),
        message: bomb
          ? `Aliases expand to more than ${MAX_ALIAS_COUNT} nodes: this looks like an alias bomb and the document is not checked.`
          : unresolved
            ? `An alias refers to an anchor that is not defined earlier in this document (anchors do not carry across "---"), so the document cannot be read.`
            : `Document could not be read: ${text}.`,
      });
      return;
    }
    documents.push({ index, value, map: new YamlSourceMap(file, doc, chunk.offset) });
  });
  return { documents, problems };
}

function firstAliasOffset(text: string): number {
  const m = /(^|[\s[{,:-])\*[^\s,\]}]/m.exec(text);
  return m ? m.index + m[1].length : 0;
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
