/**
 * A label's value by key, undefined when the key is absent. Label maps are plain objects, so a plain
 * index would answer `constructor` or `toString` (valid label keys) from Object.prototype.
 */
export function labelValue(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** The node's value for a label key; undefined without a node or without the label. */
export function labelOf(node: { labels: Readonly<Record<string, string>> } | undefined, key: string): string | undefined {
  return node === undefined ? undefined : labelValue(node.labels, key);
}
