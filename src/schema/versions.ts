/**
 * Kubernetes versions drydock can target (`--kubernetes-version`, `kubernetesVersion:` in the
 * config): every minor release from 1.16 to the one the built-in schemas come from.
 */

function minorRange(from: number, to: number): string[] {
  const out: string[] = [];
  for (let minor = from; minor <= to; minor++) out.push(`1.${minor}`);
  return out;
}

/** `X.Y`, oldest first. */
export const SUPPORTED_KUBERNETES_VERSIONS: readonly string[] = Object.freeze(minorRange(16, 36));

/** The newest supported version: the one the built-in schemas describe. */
export const DEFAULT_KUBERNETES_VERSION = '1.36';

export type ParsedKubernetesVersion = { ok: true; version: string } | { ok: false; error: string };

const VERSION_SYNTAX = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

function supportedRange(): string {
  return `${SUPPORTED_KUBERNETES_VERSIONS[0]} to ${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]}`;
}

/**
 * Reads a target version: `1.29`, `v1.29` and `1.29.3` all mean `1.29`. Anything else, or a
 * version outside the supported range, is an error whose message names the range.
 */
export function parseKubernetesVersion(input: string): ParsedKubernetesVersion {
  const text = typeof input === 'string' ? input.trim() : '';
  const m = VERSION_SYNTAX.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `invalid Kubernetes version "${String(input)}": expected MAJOR.MINOR such as 1.29 (supported: ${supportedRange()})`,
    };
  }
  const version = `${Number(m[1])}.${Number(m[2])}`;
  if (!SUPPORTED_KUBERNETES_VERSIONS.includes(version)) {
    return {
      ok: false,
      error: `unsupported Kubernetes version ${version}: drydock supports ${supportedRange()}`,
    };
  }
  return { ok: true, version };
}

function parts(version: string): [number, number] {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Orders `X.Y` versions numerically (1.9 < 1.16): negative, zero or positive like a comparator. */
export function compareKubernetesVersions(a: string, b: string): number {
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}
