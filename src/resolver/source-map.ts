import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Range } from '../findings.js';
import type { SourceFile } from './source-file.js';

/** A path into a parsed object: map keys and sequence indexes. */
export type JsonPath = readonly (string | number)[];

/** Which part of a mapping entry a location should cover. */
export type NodePart = 'value' | 'key';

export interface ResolvedRange {
  range: Range;
  /** False when the path does not exist and the range is that of the nearest existing ancestor. */
  exact: boolean;
  /** The JSON path whose node was found (equal to the request when exact). */
  found: JsonPath;
}

/**
 * Turns JSON paths of one object into source ranges. Rules and the engine only see this interface,
 * so a faster parse path (or positions computed in a worker) can replace the implementation.
 */
export interface SourceMap {
  readonly file: SourceFile;
  /** Range of the node at `path` (its key with part 'key'), falling back to the nearest ancestor. */
  rangeOf(path: JsonPath, part?: NodePart): ResolvedRange;
  /** 1-based start lines of the node at `path` and of each of its ancestors, innermost first. */
  ancestorLines(path: JsonPath): number[];
  /** The map of a sub-object (e.g. an item of a `kind: List`), whose paths start below `prefix`. */
  withPrefix(prefix: JsonPath): SourceMap;
}

interface Step {
  node: Node;
  /** The key node when this step was reached through a mapping entry. */
  key?: Node;
}

/** SourceMap over a `yaml` Document parsed from a slice of the file. */
export class YamlSourceMap implements SourceMap {
  constructor(
    readonly file: SourceFile,
    private readonly doc: Document.Parsed,
    /** Turns an offset in the parsed text into an offset in the file. */
    private readonly toFileOffset: (offset: number) => number,
    /** Path of this object's root inside the document (e.g. ['items', 3] for a List item). */
    private readonly prefix: JsonPath = [],
  ) {}

  withPrefix(prefix: JsonPath): SourceMap {
    return new YamlSourceMap(this.file, this.doc, this.toFileOffset, [...this.prefix, ...prefix]);
  }

  rangeOf(path: JsonPath, part: NodePart = 'value'): ResolvedRange {
    const steps = this.walk(path);
    const last = steps[steps.length - 1];
    const exact = steps.length === this.prefix.length + path.length + 1;
    const target = part === 'key' && exact && last.key ? last.key : last.node;
    const found = path.slice(0, steps.length - 1 - this.prefix.length);
    return { range: this.rangeOfNode(target, exact ? undefined : last.key), exact, found };
  }

  ancestorLines(path: JsonPath): number[] {
    const lines: number[] = [];
    for (const step of this.walk(path).reverse()) {
      const n = step.key ?? step.node;
      if (n.range) lines.push(this.file.position(this.toFileOffset(n.range[0])).line);
    }
    return lines;
  }

  private rangeOfNode(node: Node, keyOfMissingChild?: Node): Range {
    const r = node.range;
    if (!r) return this.file.lineRange(1);
    // A collection spans many lines; for a missing child, point at the key that holds the parent
    // (e.g. `containers[0]` when `resources` is absent), which reads better than the whole block.
    if (keyOfMissingChild?.range && (isMap(node) || isSeq(node))) {
      const k = keyOfMissingChild.range;
      return this.file.range(this.toFileOffset(k[0]), this.toFileOffset(k[1]));
    }
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      // A block collection: the first line of its first item is the most useful anchor.
      const first = node.items[0];
      const firstNode = (first && (isPair(first) ? first.key : first)) as Node | null | undefined;
      if (firstNode?.range) {
        const start = this.toFileOffset(firstNode.range[0]);
        const startPos = this.file.position(start);
        const lineEnd = this.file.lineStarts[startPos.line - 1] + this.file.line(startPos.line).length;
        return this.file.range(start, lineEnd);
      }
    }
    return this.file.range(this.toFileOffset(r[0]), this.toFileOffset(r[1]));
  }

  private walk(path: JsonPath): Step[] {
    const full = [...this.prefix, ...path];
    let node: Node | null = this.doc.contents as Node | null;
    if (!node) return [{ node: this.doc as unknown as Node }];
    const steps: Step[] = [{ node }];
    let aliases = 0;
    for (const seg of full) {
      while (isAlias(node) && aliases++ < 100) {
        const target: Node | undefined = node.resolve(this.doc) as Node | undefined;
        if (!target) return steps;
        node = target;
      }
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair || !pair.value) {
          if (pair?.key && isScalar(pair.key)) steps.push({ node: pair.key as Node, key: pair.key as Node });
          return steps;
        }
        node = pair.value as Node;
        steps.push({ node, key: pair.key as Node });
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return steps;
        node = item;
        steps.push({ node });
      } else {
        return steps;
      }
    }
    return steps;
  }
}
