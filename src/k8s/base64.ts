/**
 * Base64 as the API server reads `[]byte` fields (Secret `data`, ConfigMap `binaryData`): Go's
 * `encoding/json` decodes them with `base64.StdEncoding`. That encoding
 * - uses the standard alphabet `A-Z a-z 0-9 + /` (no URL-safe `-` `_`),
 * - requires `=` padding to a multiple of 4 characters (`YQ` is rejected, `YQ==` is accepted),
 * - ignores carriage returns and line feeds anywhere in the input (wrapped output of `base64` is fine),
 * - rejects every other character, spaces and tabs included, and anything after the padding,
 * - is not in strict mode: non-zero unused bits in the last character are tolerated (`YR==` decodes).
 * Source: `golang/go: src/encoding/base64/base64.go (decodeQuantum)`.
 */

const BODY = /^[A-Za-z0-9+/]*$/;
const LAST = /^[A-Za-z0-9+/]{2}(?:==|[A-Za-z0-9+/]=|[A-Za-z0-9+/]{2})$/;

/** Decodes like Go's `base64.StdEncoding.DecodeString`; undefined when Go would return an error. */
export function decodeBase64Strict(s: string): Uint8Array | undefined {
  const text = s.includes('\n') || s.includes('\r') ? s.replace(/[\r\n]/g, '') : s;
  if (text.length === 0) return new Uint8Array(0);
  if (text.length % 4 !== 0) return undefined;
  const head = text.slice(0, -4);
  const last = text.slice(-4);
  if (!BODY.test(head) || !LAST.test(last)) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Number of bytes `decodeBase64Strict` would return, without allocating them; undefined when invalid. */
export function decodedBase64Length(s: string): number | undefined {
  const text = s.includes('\n') || s.includes('\r') ? s.replace(/[\r\n]/g, '') : s;
  if (text.length === 0) return 0;
  if (text.length % 4 !== 0) return undefined;
  if (!BODY.test(text.slice(0, -4)) || !LAST.test(text.slice(-4))) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
