/**
 * A filter that can tell once per scheduling cycle that it has nothing to check for a pod (the
 * framework's PreFilter `Skip` status), so the per-node loop does not call it. Filters without
 * `skip` always run.
 */
import type { SimPod } from '../model.js';
import type { FilterPlugin } from './framework.js';
import type { SchedulingState } from './state.js';

export interface SkippableFilter extends FilterPlugin {
  skip(pod: SimPod, state: SchedulingState): boolean;
}

export function isSkippable(plugin: FilterPlugin): plugin is SkippableFilter {
  return typeof (plugin as Partial<SkippableFilter>).skip === 'function';
}
