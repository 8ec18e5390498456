import { simulationRule } from './_simulation.js';

export default simulationRule({
  id: 'pvc-unbound',
  category: 'reliability',
  severity: 'error',
  description: 'A PersistentVolumeClaim that would stay Pending: no matching PersistentVolume, an unknown StorageClass, or an impossible size or access mode.',
  rationale:
    "A pod that mounts an unbound claim cannot start. The PV controller binds a claim to a PersistentVolume of the same class whose size, access modes, volume mode and selector match, or provisions one through the claim's StorageClass; with no class, no matching volume or a class that does not exist, the claim stays Pending and so do its pods.",
});
