/**
 * The security rules against Polaris's own labelled check fixtures
 * (../shared/corpus/FairwindsOps__polaris/test/checks/<check>/): each rule must report exactly the
 * listed lines of the check's `failure*` files and stay silent on its `success*` files and on the
 * `mutated.yaml` files (Polaris's auto-fixed output of the failure file).
 *
 * Mapping, Polaris check → drydock rule:
 *   hostNetworkSet, hostPIDSet, hostIPCSet → host-namespace
 *   hostPathSet                            → host-path
 *   hostPortSet                            → host-port
 *   privilegeEscalationAllowed             → privilege-escalation
 *   runAsRootAllowed                       → run-as-root
 *   runAsPrivileged                        → privileged-container
 *   notReadOnlyRootFilesystem              → writable-root-fs
 *
 * No file is excluded, but the runAsRootAllowed files are linted with one change: they declare
 * `apiVersion: v1` with `kind: Deployment`, a kind the core group does not have (the API server
 * answers "no matches for kind Deployment in version v1"), so drydock does not treat them as
 * workloads at all. They are linted with `apiVersion: apps/v1`, the Deployment Polaris means.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths, lintText, ROOT } from '../helpers/rule-tester.js';

const CHECKS = path.resolve(ROOT, '..', 'shared', 'corpus', 'FairwindsOps__polaris', 'test', 'checks');
const present = existsSync(CHECKS);
if (!present) console.warn(`security-polaris test: ${CHECKS} is absent, so the Polaris checks are skipped`);

interface CheckMapping {
  check: string;
  rule: string;
  /** failure file → the lines the rule must report (exactly). */
  failures: Record<string, number[]>;
  /** success and mutated files: the rule must stay silent. */
  successes: string[];
  /** Rewrites the file's text before linting (see the header). */
  rewrite?: (text: string) => string;
}

const MAPPINGS: CheckMapping[] = [
  { check: 'hostNetworkSet', rule: 'host-namespace', failures: { 'failure.yaml': [8] }, successes: ['success.yaml', 'mutated.yaml'] },
  { check: 'hostPIDSet', rule: 'host-namespace', failures: { 'failure.yaml': [8] }, successes: ['success.yaml', 'mutated.yaml'] },
  { check: 'hostIPCSet', rule: 'host-namespace', failures: { 'failure.yaml': [8] }, successes: ['success.yaml', 'mutated.yaml'] },
  { check: 'hostPathSet', rule: 'host-path', failures: { 'failure.yaml': [14] }, successes: ['success.yaml'] },
  { check: 'hostPortSet', rule: 'host-port', failures: { 'failure.yaml': [13] }, successes: ['success.yaml', 'mutated.yaml'] },
  {
    check: 'privilegeEscalationAllowed',
    rule: 'privilege-escalation',
    failures: {
      'failure.yaml': [12], // allowPrivilegeEscalation: true
      'failure.pod.yaml': [14], // true on the container; the pod-level false is not a pod field
      'failure.pod_unspecified.yaml': [11], // only the (meaningless) pod-level false: at the name
      'failure.unspecified.yaml': [9], // nothing set: at the name
    },
    successes: ['success.yaml', 'success.pod.yaml'],
  },
  {
    check: 'runAsRootAllowed',
    rule: 'run-as-root',
    failures: { 'failure.yaml': [12] }, // runAsNonRoot: false
    successes: ['success.yaml', 'mutated.yaml'],
    rewrite: (text) => text.replace(/^apiVersion: v1$/m, 'apiVersion: apps/v1'),
  },
  {
    check: 'runAsPrivileged',
    rule: 'privileged-container',
    failures: {
      'failure.yaml': [10],
      'failure.pod.yaml': [12],
      'failure.two_cont.yaml': [12],
      'failure.two_cont_one_unspecified.yaml': [12],
    },
    successes: ['success.yaml', 'success.pod.yaml', 'success.pod_no_cont.yaml'],
  },
  {
    check: 'notReadOnlyRootFilesystem',
    rule: 'writable-root-fs',
    failures: {
      'failure.yaml': [10], // readOnlyRootFilesystem: false
      'failure.pod.yaml': [14], // the second container's false
      'failure.two_cont_one_unspecified.yaml': [14], // container-b sets nothing: at its name
    },
    successes: ['success.yaml', 'success.pod.yaml'],
  },
];

async function linesOf(m: CheckMapping, file: string): Promise<number[]> {
  const abs = path.join(CHECKS, m.check, file);
  const result = m.rewrite
    ? await lintText(m.rewrite(readFileSync(abs, 'utf8')))
    : await lintPaths([path.relative(ROOT, abs)]);
  expect(result.failures).toEqual([]);
  return result.findings
    .filter((f) => f.ruleId === m.rule)
    .map((f) => f.location.range.startLine)
    .sort((a, b) => a - b);
}

describe.runIf(present)('security rules on the Polaris check fixtures', () => {
  for (const m of MAPPINGS) {
    describe(`${m.check} → ${m.rule}`, () => {
      for (const [file, lines] of Object.entries(m.failures)) {
        it(`reports ${file}`, async () => {
          expect(await linesOf(m, file)).toEqual(lines);
        });
      }
      for (const file of m.successes) {
        it(`stays silent on ${file}`, async () => {
          expect(await linesOf(m, file)).toEqual([]);
        });
      }
    });
  }

  it('covers every failure and success file of the mapped checks', () => {
    for (const m of MAPPINGS) {
      const listed = [...Object.keys(m.failures), ...m.successes].sort();
      const onDisk = readdirSync(path.join(CHECKS, m.check)).sort();
      expect(listed, m.check).toEqual(onDisk);
    }
  });
});

