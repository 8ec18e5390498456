/**
 * What `drydock sim` prints: the simulated cluster per namespace (workload → pods → node or
 * Pending reason, claims, Service endpoints) and a node table; or the same as JSON data.
 */
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import type { SimulationResult } from './simulate.js';
import type { SimPod } from './model.js';
import { formatAmount } from './resources.js';

export interface SimView {
  profile: { source: string; nodes: number; storageClasses: string[] };
  namespaces: NamespaceView[];
  nodes: NodeView[];
  findings: { id: string; file: string; line: number; message: string }[];
}

interface NamespaceView {
  name: string;
  workloads: {
    kind: string;
    name: string;
    file: string;
    line: number;
    desired: number;
    ready: number;
    generated?: string;
    notes: string[];
    pods: { name: string; node: string | null; phase: string; ready: boolean; reason?: string; message?: string }[];
  }[];
  /** Workloads the API server would reject: not simulated. */
  rejected: { kind: string; name: string; file: string; line: number }[];
  claims: { name: string; phase: string; volume: string | null; storageClass: string | null; message?: string }[];
  services: { name: string; selected: number; ready: string[] }[];
}

interface NodeView {
  name: string;
  cpu: { requested: string; allocatable: string };
  memory: { requested: string; allocatable: string };
  pods: { count: number; allocatable: number };
}

function line(m: Manifest, path: JsonPath): number {
  return m.source.map.rangeOf(path).range.startLine;
}

export function simView(result: SimulationResult): SimView {
  const namespaces = new Map<string, NamespaceView>();
  const ns = (name: string): NamespaceView => {
    let v = namespaces.get(name);
    if (!v) namespaces.set(name, (v = { name, workloads: [], rejected: [], claims: [], services: [] }));
    return v;
  };
  for (const w of result.workloads) {
    ns(w.namespace).workloads.push({
      kind: w.kind,
      name: w.name,
      file: w.manifest.source.file,
      line: line(w.manifest, ['metadata', 'name']),
      desired: w.desiredReplicas,
      ready: w.pods.filter((p) => p.status.ready).length,
      ...(w.generatedName ? { generated: w.generatedName } : {}),
      notes: w.notes,
      pods: w.pods.map(podView),
    });
  }
  for (const m of result.rejected) {
    ns(m.ref.namespace ?? '').rejected.push({ kind: m.ref.kind, name: m.ref.name, file: m.source.file, line: line(m, ['metadata', 'name']) });
  }
  for (const c of result.claims) {
    const sc = c.spec.storageClassName;
    ns(c.namespace).claims.push({
      name: c.name,
      phase: c.phase,
      volume: c.boundTo ?? null,
      storageClass: typeof sc === 'string' ? sc : null,
      ...(c.message ? { message: c.message } : {}),
    });
  }
  for (const e of result.endpoints) ns(e.namespace).services.push({ name: e.name, selected: e.selected.length, ready: e.ready.map((p) => p.name) });
  const nodes = result.nodes.map((n) => ({
    name: n.name,
    cpu: { requested: formatAmount('cpu', n.requested.cpu ?? 0), allocatable: formatAmount('cpu', n.allocatable.cpu ?? 0) },
    memory: { requested: formatAmount('memory', n.requested.memory ?? 0), allocatable: formatAmount('memory', n.allocatable.memory ?? 0) },
    pods: { count: n.pods, allocatable: n.allocatable.pods ?? 110 },
  }));
  return {
    profile: { source: result.profile.source, nodes: result.profile.nodes.length, storageClasses: result.profile.storageClasses.map((s) => s.name) },
    namespaces: [...namespaces.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), // code-unit order: locale-independent
    nodes,
    findings: result.issues.map((i) => ({ id: i.id, file: i.at.manifest.source.file, line: line(i.at.manifest, i.at.path), message: i.message })),
  };
}

function podView(p: SimPod): SimView['namespaces'][number]['workloads'][number]['pods'][number] {
  return {
    name: p.name,
    node: p.nodeName ?? null,
    phase: p.status.phase,
    ready: p.status.ready,
    ...(p.status.reason ? { reason: p.status.reason } : {}),
    ...(p.status.message ? { message: p.status.message } : {}),
  };
}

/** Plain text (no colours: the output is meant to be read and diffed). */
export function renderSimText(view: SimView): string {
  const out: string[] = [];
  out.push(`Cluster profile: ${view.profile.source} (${view.profile.nodes} nodes; storage classes: ${view.profile.storageClasses.join(', ') || 'none'})`);
  for (const n of view.namespaces) {
    out.push('', `namespace ${n.name}`);
    for (const w of n.workloads) {
      out.push(`  ${w.kind} ${w.name}  ${w.ready}/${w.desired} ready${w.generated ? `  (${w.generated})` : ''}  ${w.file}:${w.line}`);
      for (const note of w.notes) out.push(`    note: ${note}`);
      for (const p of w.pods) {
        const where = p.node ?? '-';
        const state = p.ready ? 'Ready' : `${p.phase}${p.reason ? ` ${p.reason}` : ''}${p.message ? `: ${p.message}` : ''}`;
        out.push(`    ${p.name}  ${where}  ${state}`);
      }
    }
    for (const r of n.rejected) out.push(`  ${r.kind} ${r.name}  not created: the API server would reject it (drydock ${r.file} says why)  ${r.file}:${r.line}`);
    for (const c of n.claims) {
      out.push(`  PersistentVolumeClaim ${c.name}  ${c.phase}${c.volume ? ` → ${c.volume}` : ''}${c.storageClass !== null ? `  (class ${c.storageClass || '""'})` : ''}${c.message ? `: ${c.message}` : ''}`);
    }
    for (const s of n.services) {
      out.push(`  Service ${s.name}  ${s.ready.length} ready endpoint${s.ready.length === 1 ? '' : 's'} of ${s.selected} selected pod${s.selected === 1 ? '' : 's'}${s.ready.length ? `: ${s.ready.join(', ')}` : ''}`);
    }
  }
  out.push('', 'Nodes');
  const rows = [['NAME', 'CPU', 'MEMORY', 'PODS'], ...view.nodes.map((n) => [n.name, `${n.cpu.requested}/${n.cpu.allocatable}`, `${n.memory.requested}/${n.memory.allocatable}`, `${n.pods.count}/${n.pods.allocatable}`])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out.push(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}`);
  out.push('', view.findings.length === 0 ? 'No simulation findings.' : `${view.findings.length} simulation finding${view.findings.length === 1 ? '' : 's'}:`);
  for (const f of view.findings) out.push(`  ${f.file}:${f.line}  ${f.id}  ${f.message}`);
  return `${out.join('\n')}\n`;
}
