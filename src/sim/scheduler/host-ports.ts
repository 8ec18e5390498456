/**
 * Host ports a pod asks for and the ports in use on a node (§3.6, `HostPortInfo` in
 * `pkg/scheduler/framework/types.go`): a conflict needs the same protocol and port and
 * overlapping host IPs, where an empty IP or `0.0.0.0` overlaps every IP.
 */
import { isRecord } from '../../k8s/values.js';

export interface HostPort {
  /** `TCP` when unset. */
  protocol: string;
  port: number;
  /** `0.0.0.0` for an empty address. */
  ip: string;
}

const WILDCARD = '0.0.0.0';
const cache = new WeakMap<Record<string, unknown>, readonly HostPort[]>();

/** `sanitize` of `HostPortInfo`: only an empty IP becomes `0.0.0.0` (`::` is a specific address to the scheduler). */
function sanitizeIp(ip: unknown): string {
  const s = typeof ip === 'string' ? ip : '';
  return s === '' ? WILDCARD : s;
}

/**
 * The host ports of a pod spec: `hostPort > 0` of regular containers and of restartable init
 * containers (sidecars); with `hostNetwork: true` a port without hostPort defaults to its
 * containerPort (§3.6).
 */
export function hostPortsOf(spec: Record<string, unknown>): readonly HostPort[] {
  const cached = cache.get(spec);
  if (cached) return cached;
  const out: HostPort[] = [];
  const hostNetwork = spec.hostNetwork === true;
  const containers = [
    ...(Array.isArray(spec.containers) ? spec.containers : []),
    ...(Array.isArray(spec.initContainers) ? spec.initContainers.filter((c) => isRecord(c) && c.restartPolicy === 'Always') : []),
  ];
  for (const c of containers) {
    if (!isRecord(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (!isRecord(p)) continue;
      let port = typeof p.hostPort === 'number' ? p.hostPort : 0;
      if (port <= 0 && hostNetwork && typeof p.containerPort === 'number') port = p.containerPort;
      if (port <= 0) continue;
      const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      out.push({ protocol, port, ip: sanitizeIp(p.hostIP) });
    }
  }
  cache.set(spec, out);
  return out;
}

/** Host ports in use on one node: `protocol/port` → host IP → number of pods using it. */
export class HostPortUsage {
  private readonly used: Map<string, Map<string, number>>;

  constructor(used?: Map<string, Map<string, number>>) {
    this.used = used ?? new Map();
  }

  get size(): number {
    return this.used.size;
  }

  add(ports: readonly HostPort[]): void {
    for (const p of ports) {
      const key = `${p.protocol}/${p.port}`;
      let ips = this.used.get(key);
      if (!ips) this.used.set(key, (ips = new Map()));
      ips.set(p.ip, (ips.get(p.ip) ?? 0) + 1);
    }
  }

  remove(ports: readonly HostPort[]): void {
    for (const p of ports) {
      const key = `${p.protocol}/${p.port}`;
      const ips = this.used.get(key);
      const n = ips?.get(p.ip);
      if (!ips || n === undefined) continue;
      if (n > 1) ips.set(p.ip, n - 1);
      else {
        ips.delete(p.ip);
        if (ips.size === 0) this.used.delete(key);
      }
    }
  }

  /** `HostPortInfo.CheckConflict` for each wanted port. */
  conflicts(ports: readonly HostPort[]): boolean {
    for (const p of ports) {
      const ips = this.used.get(`${p.protocol}/${p.port}`);
      if (!ips) continue;
      if (p.ip === WILDCARD || ips.has(WILDCARD) || ips.has(p.ip)) return true;
    }
    return false;
  }

  clone(): HostPortUsage {
    const copy = new Map<string, Map<string, number>>();
    for (const [k, ips] of this.used) copy.set(k, new Map(ips));
    return new HostPortUsage(copy);
  }
}
