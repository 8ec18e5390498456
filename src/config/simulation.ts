/**
 * The simulator's run options from the command line and the config: which cluster to simulate
 * against (`--cluster FILE`, config `cluster:`) and whether to simulate at all (`--no-sim`).
 */
import path from 'node:path';
import type { ClusterProfile } from '../sim/model.js';
import { loadClusterFile } from '../sim/profile.js';
import { ConfigError, type DrydockConfig } from './config.js';

export interface SimulationOptions {
  /** Absolute path of the cluster file; undefined: the built-in default profile. */
  cluster?: string;
  /** The profile read from `cluster` (loaded up front so that a bad file fails before linting). */
  clusterProfile?: ClusterProfile;
  /** False with `--no-sim`: the dry-run simulation is skipped. */
  simulate: boolean;
}

export interface SimulationFlags {
  /** `--cluster FILE`, relative to the working directory. */
  cluster?: string;
  /** `--no-sim`. */
  noSim?: boolean;
}

/**
 * `--cluster` overrides the config's `cluster:` (already absolute, see `loadConfigFile`). The file is
 * read here, so a missing or malformed one is a usage error (exit 2) with its `file:line`; with
 * `--no-sim` it is not read at all.
 */
export function resolveSimulationOptions(flags: SimulationFlags, config: DrydockConfig, cwd: string): SimulationOptions {
  const simulate = flags.noSim !== true;
  const cluster = flags.cluster !== undefined ? path.resolve(cwd, flags.cluster) : config.cluster !== undefined ? path.resolve(cwd, config.cluster) : undefined;
  if (cluster === undefined || !simulate) return { cluster, simulate };
  const loaded = loadClusterFile(cluster, cwd);
  if ('error' in loaded) throw new ConfigError(`cluster file ${loaded.error}`);
  return { cluster, clusterProfile: loaded.profile, simulate };
}
