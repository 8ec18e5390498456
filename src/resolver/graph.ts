import type { ObjectRef } from '../findings.js';
import { kindInfo, parseApiVersion } from '../k8s/kinds.js';
import { containersOf, podTemplateOf, type ContainerRef, type PodTemplate } from '../k8s/pod-template.js';
import { labelsOf, type Labels, type Selector } from '../k8s/selector.js';
import { LabelIndex } from './label-index.js';
import type { Manifest, RawManifest } from './manifest.js';
import type { InputProblem } from './parse.js';
import type { SourceFile } from './source-file.js';
import { isRecord } from '../k8s/values.js';

/** A pod template found in the input, with the workload that owns it. */
export interface PodTemplateEntry {
  manifest: Manifest;
  template: PodTemplate;
  /** The template's labels (what a Service or PDB selector is matched against). */
  labels: Labels;
  namespace: string;
  containers: ContainerRef[];
}

export interface GraphOptions {
  /** Namespace of namespaced objects that name none. */
  defaultNamespace: string;
}

/** `group/Kind/namespace/name` key of an object (namespace empty for cluster-scoped kinds). */
export function refKey(ref: Pick<ObjectRef, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${ref.group}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/**
 * Every object of the input with indexes: by kind, by identity, and by labels (objects and pod
 * templates). Analyses read it; nothing mutates it after construction.
 */
export class ObjectGraph {
  readonly manifests: readonly Manifest[];
  /** Problems found while reading the input (syntax, shape), reported by their rules. */
  readonly problems: readonly InputProblem[];
  private readonly byKind = new Map<string, Manifest[]>();
  private readonly byKey = new Map<string, Manifest[]>();
  private readonly objectLabels = new LabelIndex<Manifest>();
  private readonly templateLabels = new LabelIndex<PodTemplateEntry>();
  private readonly templates: PodTemplateEntry[] = [];
  private readonly templateByManifest = new Map<Manifest, PodTemplateEntry>();

  /** The text of every file read (for suppression comments and code frames). */
  readonly files: readonly SourceFile[];

  constructor(raw: readonly RawManifest[], problems: readonly InputProblem[], options: GraphOptions, files: readonly SourceFile[] = []) {
    this.problems = problems;
    this.files = files;
    const crdScopes = collectCrdScopes(raw);
    this.manifests = raw.map((r, index) => {
      const { group, version } = parseApiVersion(r.object.apiVersion);
      const kind = r.object.kind;
      const namespaced = kindInfo(group, kind)?.namespaced ?? crdScopes.get(`${group}/${kind}`) ?? true;
      const meta = r.object.metadata;
      const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '';
      const ref: ObjectRef = { group, version, kind, name };
      if (namespaced) ref.namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : options.defaultNamespace;
      return { object: r.object, source: r.source, ref, index };
    });
    for (const m of this.manifests) {
      push(this.byKind, m.ref.kind, m);
      if (typeof m.object.metadata.name === 'string') push(this.byKey, refKey(m.ref), m);
      this.objectLabels.add(m.ref.namespace ?? '', labelsOf(m.object.metadata.labels), m);
      const template = podTemplateOf(m.object);
      if (template) {
        const entry: PodTemplateEntry = {
          manifest: m,
          template,
          labels: labelsOf(template.metadata.labels),
          namespace: m.ref.namespace ?? options.defaultNamespace,
          containers: containersOf(template),
        };
        this.templates.push(entry);
        this.templateByManifest.set(m, entry);
        this.templateLabels.add(entry.namespace, entry.labels, entry);
      }
    }
  }

  /** Objects of a kind, in input order (optionally only of one API group). */
  ofKind(kind: string, group?: string): readonly Manifest[] {
    const all = this.byKind.get(kind) ?? [];
    return group === undefined ? all : all.filter((m) => m.ref.group === group);
  }

  hasKind(kind: string): boolean {
    return (this.byKind.get(kind)?.length ?? 0) > 0;
  }

  /** The first object with this identity (namespace must be given for namespaced kinds). */
  get(ref: Pick<ObjectRef, 'group' | 'kind' | 'namespace' | 'name'>): Manifest | undefined {
    return this.byKey.get(refKey(ref))?.[0];
  }

  /** Every object with this identity, in input order (more than one is a duplicate). */
  getAll(ref: Pick<ObjectRef, 'group' | 'kind' | 'namespace' | 'name'>): readonly Manifest[] {
    return this.byKey.get(refKey(ref)) ?? [];
  }

  /** Objects in a namespace whose own labels match a selector, optionally of one kind. */
  select(namespace: string, selector: Selector, kind?: string): Manifest[] {
    const found = this.objectLabels.query(namespace, selector);
    return kind === undefined ? found : found.filter((m) => m.ref.kind === kind);
  }

  /** Every pod template of the input (bare Pods included), in input order. */
  podTemplates(): readonly PodTemplateEntry[] {
    return this.templates;
  }

  /** Pod templates in a namespace whose labels match a selector. */
  selectPodTemplates(namespace: string, selector: Selector): PodTemplateEntry[] {
    return this.templateLabels.query(namespace, selector);
  }

  /** The pod template entry of a workload manifest, if it has one. */
  podTemplateOf(manifest: Manifest): PodTemplateEntry | undefined {
    return this.templateByManifest.get(manifest);
  }

  /** Names of the Namespace objects in the input. */
  namespaceNames(): Set<string> {
    return new Set(this.ofKind('Namespace', '').map((m) => m.ref.name));
  }
}

function collectCrdScopes(raw: readonly RawManifest[]): Map<string, boolean> {
  const scopes = new Map<string, boolean>();
  for (const r of raw) {
    if (r.object.kind !== 'CustomResourceDefinition') continue;
    const spec = r.object.spec;
    if (!isRecord(spec) || typeof spec.group !== 'string' || !isRecord(spec.names)) continue;
    if (typeof spec.names.kind !== 'string') continue;
    scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope !== 'Cluster');
  }
  return scopes;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
