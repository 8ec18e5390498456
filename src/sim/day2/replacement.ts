import type { SimPod } from '../model.js';

/**
 * A new pod like `pod`, not yet scheduled: what a controller creates to replace an evicted pod, or
 * a pod of the next revision during a rolling update (same spec: a template change rarely changes
 * what the scheduler sees). `labels` override the old pod's (e.g. a new `pod-template-hash`).
 */
export function replacementPod(pod: SimPod, suffix: string, labels: Record<string, string> = {}): SimPod {
  return {
    ...pod,
    name: `${pod.name}-${suffix}`,
    labels: { ...pod.labels, ...labels },
    nodeName: undefined,
    status: { phase: 'Pending', ready: false },
  };
}
