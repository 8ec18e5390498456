/**
 * A pod as a controller creates it: the template's labels plus the controller's, the template's spec
 * with the API defaults applied (§2.1, §12.3), its effective request (§2.2), the claims it mounts,
 * and the PersistentVolumeClaims of its generic ephemeral volumes.
 */
import type { PodTemplate } from '../../k8s/pod-template.js';
import { isRecord } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import type { ResourceList, SimClaim, SimPod } from '../model.js';
import { podRequests } from '../resources.js';
import type { ControllerContext } from './context.js';
import type { SimWorkload } from './workload.js';

export interface PodInit {
  /** The top-level object of the input the pod comes from. */
  manifest: Manifest;
  template: PodTemplate;
  /** `Kind/name` of each generated owner, outermost first. */
  generated: string[];
  namespace: string;
  name: string;
  ordinal: number;
  labels: Record<string, string>;
  /** The pod's own spec (already a defaulted copy, see `defaultedPodSpec`). */
  spec: Record<string, unknown>;
  /**
   * The effective request of `spec` when the caller already knows it (pods of one template share
   * it); computed from `spec` otherwise.
   */
  requests?: ResourceList;
}

export interface NewPod {
  pod: SimPod;
  /** Claims the ephemeral volume controller creates for this pod (`<pod>-<volume>`). */
  ephemeralClaims: SimClaim[];
}

export function newPod(init: PodInit): NewPod {
  const ephemeralClaims = ephemeralClaimsOf(init);
  const claims = [...persistentClaimNames(init.spec), ...ephemeralClaims.map((c) => c.name)];
  const pod: SimPod = {
    name: init.name,
    namespace: init.namespace,
    owner: { manifest: init.manifest, generated: [...init.generated] },
    ordinal: init.ordinal,
    labels: init.labels,
    spec: init.spec,
    template: init.template,
    requests: init.requests ? { ...init.requests } : podRequests(init.spec),
    claims,
    status: { phase: 'Pending', ready: false },
  };
  return { pod, ephemeralClaims };
}

/** `volumes[].persistentVolumeClaim.claimName` of a pod spec, in volume order, without repeats. */
function persistentClaimNames(spec: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const volume of volumesOf(spec)) {
    const source = volume.persistentVolumeClaim;
    if (isRecord(source) && typeof source.claimName === 'string' && source.claimName !== '' && !names.includes(source.claimName)) {
      names.push(source.claimName);
    }
  }
  return names;
}

/**
 * Generic ephemeral volumes: the ephemeral volume controller creates PVC `<pod>-<volume>` from
 * `volumes[].ephemeral.volumeClaimTemplate` (`pkg/controller/volume/ephemeral`, `ephemeral.VolumeClaimName`).
 * Read from the template so the path points into the owner manifest.
 */
function ephemeralClaimsOf(init: PodInit): SimClaim[] {
  const claims: SimClaim[] = [];
  const volumes = Array.isArray(init.template.spec.volumes) ? init.template.spec.volumes : [];
  volumes.forEach((volume: unknown, i) => {
    if (!isRecord(volume)) return;
    const ephemeral = volume.ephemeral;
    if (!isRecord(ephemeral) || !isRecord(ephemeral.volumeClaimTemplate) || typeof volume.name !== 'string') return;
    const template = ephemeral.volumeClaimTemplate;
    claims.push({
      name: `${init.name}-${volume.name}`,
      namespace: init.namespace,
      manifest: init.manifest,
      path: [...init.template.specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate'],
      spec: isRecord(template.spec) ? structuredClone(template.spec) : {},
      phase: 'Pending',
    });
  });
  return claims;
}

function volumesOf(spec: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : [];
}

/** Creates the pod on its workload: the pod joins `workload.pods`, its ephemeral claims `ctx.claims`. */
export function addPod(ctx: ControllerContext, workload: SimWorkload, init: PodInit): SimPod {
  const { pod, ephemeralClaims } = newPod(init);
  workload.pods.push(pod);
  ctx.claims.push(...ephemeralClaims);
  return pod;
}
