import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, validateConfig } from '../../src/config/config.js';
import { resolveSimulationOptions } from '../../src/config/simulation.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/rule-tester.js';

const metas = RULES.map((r) => r.meta);
const GPU = path.join(ROOT, 'test/fixtures/sim/clusters/gpu.yaml');

describe('config key cluster', () => {
  it('accepts a path', () => {
    expect(validateConfig({ cluster: 'x.yaml' }, metas)).toEqual({ cluster: 'x.yaml' });
  });

  it('rejects a non-string or an empty string', () => {
    expect(() => validateConfig({ cluster: 3 }, metas)).toThrow(ConfigError);
    expect(() => validateConfig({ cluster: ['a.yaml'] }, metas)).toThrow(/"cluster" must be string/);
    expect(() => validateConfig({ cluster: '' }, metas)).toThrow(/cluster/);
  });

  it('is read relative to the config file\'s folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-config-'));
    mkdirSync(path.join(dir, 'ops'));
    writeFileSync(path.join(dir, 'ops', '.drydock.yaml'), 'cluster: clusters/prod.yaml\n');
    expect(loadConfigFile(path.join(dir, 'ops', '.drydock.yaml'), metas).cluster).toBe(path.join(dir, 'ops', 'clusters', 'prod.yaml'));
  });
});

describe('resolveSimulationOptions', () => {
  it('simulates on the built-in profile by default', () => {
    expect(resolveSimulationOptions({}, {}, ROOT)).toEqual({ cluster: undefined, simulate: true });
  });

  it('loads --cluster (relative to the working directory), which overrides the config', () => {
    const options = resolveSimulationOptions({ cluster: 'test/fixtures/sim/clusters/gpu.yaml' }, { cluster: '/elsewhere/x.yaml' }, ROOT);
    expect(options.cluster).toBe(GPU);
    expect(options.simulate).toBe(true);
    expect(options.clusterProfile?.nodes.map((n) => n.name)).toEqual(['cpu-1', 'gpu-1', 'gpu-2']);
    expect(resolveSimulationOptions({}, { cluster: GPU }, ROOT).clusterProfile?.source).toBe('test/fixtures/sim/clusters/gpu.yaml');
  });

  it('throws a ConfigError with file:line for a bad cluster file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-config-'));
    writeFileSync(path.join(dir, 'nodes.yaml'), 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n');
    expect(() => resolveSimulationOptions({ cluster: 'nodes.yaml' }, {}, dir)).toThrow(
      new ConfigError('cluster file nodes.yaml:4: Node "n1" has neither status.allocatable nor status.capacity, so the scheduler cannot tell what fits on it.'),
    );
  });

  it('does not read the cluster file with --no-sim', () => {
    expect(resolveSimulationOptions({ cluster: 'missing.yaml', noSim: true }, {}, ROOT)).toEqual({ cluster: path.join(ROOT, 'missing.yaml'), simulate: false });
  });
});
