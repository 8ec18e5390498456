/**
 * Container image references (`[registry[:port]/]path[:tag][@digest]`), read the way the
 * container runtime reads them: the tag is after the last `:` of the last path component, so a
 * registry port (`registry:5000/app`) is not a tag.
 */

export interface ImageRef {
  /** Registry and repository path, without tag or digest. */
  name: string;
  /** The tag, when one is written (may be empty for a malformed `app:`). */
  tag?: string;
  /** The digest (`sha256:…`), when one is written. */
  digest?: string;
}

/** Splits an image reference into name, tag and digest; no validation beyond that. */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  const ref: ImageRef = { name: colon === -1 ? rest : rest.slice(0, colon) };
  if (colon !== -1) ref.tag = rest.slice(colon + 1);
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** True when the reference holds a template or variable placeholder (`${TAG}`, `$TAG`, `{{ .tag }}`, `<image_url>`): no real reference holds `$`, `<`, `>` or `{{`. */
export function hasPlaceholder(image: string): boolean {
  return /[$<>]|\{\{/.test(image);
}

