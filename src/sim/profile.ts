/**
 * The cluster profile of the simulator: the built-in default, a `--cluster` file, and the storage
 * objects of the input joining it. The pieces live in ./profile/.
 */
export { defaultProfile, DEFAULT_PROFILE_SOURCE, SIMULATED_PROVISIONER } from './profile/default.js';
export { nodeFromObject, isProfileProblem, DEFAULT_MAX_PODS, type ProfileProblem } from './profile/node.js';
export { loadClusterFile, type ClusterFileResult } from './profile/cluster-file.js';
export { withInput } from './profile/with-input.js';
