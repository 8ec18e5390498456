/**
 * PersistentVolumes and StorageClasses found in the input join the cluster profile (issue 5,
 * point 1): a chart that ships its own StorageClass or pre-provisioned PVs is simulated with them.
 */
import type { ObjectGraph } from '../../resolver/graph.js';
import type { ClusterProfile } from '../model.js';
import { storageClassesOf } from '../storage/classes.js';

/**
 * The profile plus the input's StorageClasses and PersistentVolumes. An input object with the name
 * of one in the profile replaces it (the input is what is about to be applied). The profile's
 * objects come first and the input's follow in input order. Where several StorageClasses are marked
 * default, `defaultStorageClass` (src/sim/storage/classes.ts) picks the most recently created (§5.2):
 * an input class without `creationTimestamp` counts as newest.
 * Nodes in the input are left out: the profile describes the nodes (a Node object in a deployment
 * manifest is not how nodes join a cluster). The profile is not modified.
 */
export function withInput(profile: ClusterProfile, graph: ObjectGraph): ClusterProfile {
  const inputClasses = storageClassesOf([...graph.ofKind('StorageClass', 'storage.k8s.io')]);
  const inputVolumes = graph.ofKind('PersistentVolume', '');
  if (inputClasses.length === 0 && inputVolumes.length === 0) return profile;
  const classNames = new Set(inputClasses.map((c) => c.name));
  const volumeNames = new Set(inputVolumes.map((v) => v.ref.name));
  return {
    ...profile,
    storageClasses: [...profile.storageClasses.filter((c) => !classNames.has(c.name)), ...inputClasses],
    persistentVolumes: [...profile.persistentVolumes.filter((v) => !volumeNames.has(v.ref.name)), ...inputVolumes],
  };
}
