/**
 * The simulation's output does not depend on the process locale (`LC_ALL=lt_LT` sorts `y` before
 * `j`): names are ordered by code unit, never with `localeCompare`. The locale is simulated by a
 * `localeCompare` that sorts backwards.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simView } from '../../src/sim/render.js';
import type { SimulationResult } from '../../src/sim/simulate.js';
import { fixtureFindings } from '../helpers/rule-tester.js';

function backwardsLocale(): void {
  const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string, other: string) {
    return -plain(String(this), other);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('locale independence (review)', () => {
  it('simView orders namespaces by code unit whatever the locale', () => {
    backwardsLocale();
    const endpoint = (namespace: string) => ({ namespace, name: 'svc', selected: [], ready: [] });
    const result = {
      profile: { source: 'test', nodes: [], storageClasses: [], persistentVolumes: [] },
      workloads: [],
      pods: [],
      claims: [],
      endpoints: [endpoint('j'), endpoint('y'), endpoint('i')],
      nodes: [],
      issues: [],
      rejected: [],
    } as unknown as SimulationResult;
    expect(simView(result).namespaces.map((n) => n.name)).toEqual(['i', 'j', 'y']);
  });

  it('drain-blocked lists nodes by code unit whatever the locale', async () => {
    backwardsLocale();
    const [f] = await fixtureFindings('drain-blocked', 'fail-min-available-equals-replicas.yaml');
    expect(f.message).toMatch(/would block draining nodes node-1, node-2 and node-3 forever/);
  });
});
