/**
 * The scheduler's volume plugins (§3.1 rows 7, 9, 10; §3.9): VolumeRestrictions (ReadWriteOncePod),
 * VolumeBinding (missing/unbound claims, PV node affinity, WaitForFirstConsumer) and VolumeZone.
 * Their state lives in the VolumeBinder; `reserve` tells it where a pod went.
 */
import type { SimNode, SimPod } from '../model.js';
import { FITS, type FilterPlugin, type FilterStatus } from '../scheduler/framework.js';
import type { VolumeBinder } from './binder.js';
import { volumeAllowsNode } from './volume-matching.js';

/** §3.1 row 7 (current wording). */
export const READ_WRITE_ONCE_POD_CONFLICT = 'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod';
/** §3.1 row 9 (`ErrReasonNodeConflict`, wording since 1.33). */
export const VOLUME_NODE_AFFINITY_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
/** §3.1 row 9 (`ErrReasonBindConflict`). */
export const VOLUME_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** §3.1 row 10 (`ErrReasonConflict` of VolumeZone). */
export const VOLUME_ZONE_CONFLICT = 'node(s) had no available volume zone';
/** §3.9 PreFilter. */
export const UNBOUND_IMMEDIATE_CLAIMS = 'pod has unbound immediate PersistentVolumeClaims';

export function volumeFilters(binder: VolumeBinder): FilterPlugin[] {
  return [volumeRestrictions(binder), volumeBinding(binder), volumeZone(binder)];
}

/**
 * VolumeRestrictions: the claim of every PVC volume must exist (its PreFilter reads them all), and a
 * ReadWriteOncePod claim may be used by one pod in the whole cluster — when another pod uses it,
 * every node fails with the same reason (`satisfyReadWriteOncePodAccessMode`).
 */
function volumeRestrictions(binder: VolumeBinder): FilterPlugin {
  return {
    name: 'VolumeRestrictions',
    preFilter(pod: SimPod): string | undefined {
      return binder.podVolumes(pod, true).notFound;
    },
    filter(pod: SimPod): FilterStatus {
      if (binder.podVolumes(pod, false).readWriteOncePodInUse) return { ok: false, reasons: [READ_WRITE_ONCE_POD_CONFLICT], code: 'Unschedulable' };
      return FITS;
    },
    reserve(pod: SimPod, node: SimNode): void {
      binder.recordUse(pod, node);
    },
  };
}

/**
 * VolumeBinding (§3.9): PreFilter rejects pods with a missing claim or an unbound Immediate claim;
 * Filter checks the node affinity of bound volumes and whether unbound WaitForFirstConsumer claims
 * can be served on the node; Reserve binds them there.
 */
function volumeBinding(binder: VolumeBinder): FilterPlugin {
  return {
    name: 'VolumeBinding',
    preFilter(pod: SimPod): string | undefined {
      const volumes = binder.podVolumes(pod, true);
      if (volumes.missing) return volumes.missing;
      if (volumes.unboundImmediate) return UNBOUND_IMMEDIATE_CLAIMS;
      binder.noteConsumer(pod, volumes.delayed);
      return undefined;
    },
    filter(pod: SimPod, node: SimNode): FilterStatus {
      const volumes = binder.podVolumes(pod, false);
      if (volumes.bound.length === 0 && volumes.delayed.length === 0) return FITS;
      const reasons: string[] = [];
      if (!volumes.bound.every((v) => volumeAllowsNode(v, node))) reasons.push(VOLUME_NODE_AFFINITY_CONFLICT);
      if (volumes.delayed.length > 0 && !binder.canBindDelayedOn(volumes.delayed, node)) reasons.push(VOLUME_BIND_CONFLICT);
      return reasons.length === 0 ? FITS : { ok: false, reasons, code: 'UnschedulableAndUnresolvable' };
    },
    reserve(pod: SimPod, node: SimNode): void {
      binder.bindDelayed(pod, node);
    },
  };
}

/** Zone and region labels of volumes (GA and beta), and the GA label a beta one maps to. */
const TOPOLOGY_LABELS: Record<string, string> = {
  'topology.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region': 'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

/**
 * VolumeZone (§3.1 row 10): a bound volume labelled with a zone or region (`a__b` lists several)
 * only serves nodes in it. Nodes without any zone/region label pass.
 */
function volumeZone(binder: VolumeBinder): FilterPlugin {
  return {
    name: 'VolumeZone',
    filter(pod: SimPod, node: SimNode): FilterStatus {
      const volumes = binder.podVolumes(pod, false).bound;
      if (volumes.length === 0) return FITS;
      if (!Object.keys(TOPOLOGY_LABELS).some((k) => node.labels[k] !== undefined)) return FITS;
      for (const volume of volumes) {
        for (const [key, value] of Object.entries(volume.labels)) {
          const gaKey = TOPOLOGY_LABELS[key];
          if (gaKey === undefined) continue;
          const nodeValue = node.labels[key] ?? node.labels[gaKey];
          if (nodeValue === undefined || !value.split('__').includes(nodeValue))
            return { ok: false, reasons: [VOLUME_ZONE_CONFLICT], code: 'UnschedulableAndUnresolvable' };
        }
      }
      return FITS;
    },
  };
}
