/**
 * StorageClasses of the simulation (§5.1): what the PV controller and the scheduler need to know
 * about a class — its provisioner, binding mode, whether it is the default, and where it may
 * provision (`allowedTopologies`).
 */
import type { Manifest } from '../../resolver/manifest.js';
import { isRecord } from '../../k8s/values.js';
import type { SimNode, SimStorageClass, VolumeBindingMode } from '../model.js';

/** The provisioner of classes that never provision (local volumes): `volume.NotSupportedProvisioner`. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** `storageclass.kubernetes.io/is-default-class` and its beta form, both honoured (`IsDefaultAnnotation`). */
const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/**
 * The StorageClass objects among `manifests` (group `storage.k8s.io`), in the given order. A class
 * without a provisioner is left out: the API server rejects it (`provisioner` is required, §5.1),
 * so it does not exist in the cluster. `volumeBindingMode` defaults to `Immediate`.
 */
export function storageClassesOf(manifests: readonly Manifest[]): SimStorageClass[] {
  const out: SimStorageClass[] = [];
  for (const manifest of manifests) {
    if (manifest.ref.kind !== 'StorageClass' || manifest.ref.group !== 'storage.k8s.io') continue;
    const object = manifest.object;
    const name = object.metadata.name;
    if (typeof name !== 'string' || name === '') continue;
    if (typeof object.provisioner !== 'string' || object.provisioner === '') continue;
    const annotations = isRecord(object.metadata.annotations) ? object.metadata.annotations : {};
    out.push({
      name,
      provisioner: object.provisioner,
      volumeBindingMode: bindingModeOf(object.volumeBindingMode),
      isDefault: DEFAULT_CLASS_ANNOTATIONS.some((a) => annotations[a] === 'true'),
      allowedTopologies: topologiesOf(object.allowedTopologies),
      manifest,
    });
  }
  return out;
}

function bindingModeOf(value: unknown): VolumeBindingMode {
  return value === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'Immediate';
}

/** `allowedTopologies: [{matchLabelExpressions: [{key, values}]}]` → one requirement list per term. */
function topologiesOf(value: unknown): SimStorageClass['allowedTopologies'] {
  if (!Array.isArray(value)) return [];
  const terms: SimStorageClass['allowedTopologies'] = [];
  for (const term of value) {
    if (!isRecord(term) || !Array.isArray(term.matchLabelExpressions)) continue;
    const requirements: { key: string; values: string[] }[] = [];
    for (const e of term.matchLabelExpressions) {
      if (!isRecord(e) || typeof e.key !== 'string') continue;
      requirements.push({ key: e.key, values: Array.isArray(e.values) ? e.values.map((v) => String(v)) : [] });
    }
    terms.push(requirements);
  }
  return terms;
}

/**
 * Whether a class may provision a volume for a pod on `node` (§3.9): its provisioner is a real one
 * and the node matches `allowedTopologies` — terms ORed, a term's requirements ANDed, each
 * requiring the label with one of the values; no terms allow every node
 * (`v1helper.MatchTopologySelectorTerms`).
 */
export function canProvisionOn(storageClass: SimStorageClass, node: SimNode): boolean {
  if (!provisions(storageClass)) return false;
  const terms = storageClass.allowedTopologies;
  if (terms.length === 0) return true;
  return terms.some((term) => term.every((r) => Object.prototype.hasOwnProperty.call(node.labels, r.key) && r.values.includes(node.labels[r.key])));
}

/** A class whose provisioner creates volumes (`kubernetes.io/no-provisioner` never does, §5.3). */
export function provisions(storageClass: SimStorageClass): boolean {
  return storageClass.provisioner !== '' && storageClass.provisioner !== NO_PROVISIONER;
}

/**
 * The class DefaultStorageClass admission assigns (§5.2): among the classes marked default, the most
 * recently created, ties by name ascending (`GetDefaultClass`: newest `creationTimestamp` first,
 * then name). A class with a manifest but no `creationTimestamp` is about to be created by this
 * apply, so it is the newest; a built-in class (no manifest) predates everything.
 */
export function defaultStorageClass(classes: readonly SimStorageClass[]): SimStorageClass | undefined {
  let best: SimStorageClass | undefined;
  let bestTime = 0;
  for (const c of classes) {
    if (!c.isDefault) continue;
    const time = creationTimeOf(c);
    if (!best || time > bestTime || (time === bestTime && c.name < best.name)) {
      best = c;
      bestTime = time;
    }
  }
  return best;
}

function creationTimeOf(c: SimStorageClass): number {
  if (!c.manifest) return -Infinity;
  const stamp: unknown = c.manifest.object.metadata.creationTimestamp;
  if (stamp instanceof Date) return stamp.getTime();
  if (typeof stamp !== 'string') return Infinity;
  const time = Date.parse(stamp);
  return Number.isNaN(time) ? Infinity : time;
}
