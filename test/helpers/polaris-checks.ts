/**
 * Polaris's own check fixtures (../shared/corpus/FairwindsOps__polaris/test/checks/<check>/, files
 * named failure.* and success.*) as expectations for a drydock rule: each listed failure file must
 * raise the rule and each listed success file must not. The mapping is explicit, file by file, so
 * a file Polaris adds or a file we leave out (with the reason) is a visible decision.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableRule, lintPaths, ROOT } from './rule-tester.js';

export const POLARIS_CHECKS = path.resolve(ROOT, '..', 'shared', 'corpus', 'FairwindsOps__polaris', 'test', 'checks');

export interface PolarisMapping {
  /** `<check>/<file>` that must raise the rule. */
  fires: readonly string[];
  /** `<check>/<file>` that must not. */
  silent: readonly string[];
  /** `<check>/<file>` deliberately not used, with the reason. */
  excluded?: Readonly<Record<string, string>>;
}

export function describePolarisChecks(ruleId: string, mapping: PolarisMapping): void {
  const present = existsSync(POLARIS_CHECKS);
  if (!present) console.warn(`${POLARIS_CHECKS} is absent: the Polaris fixture checks of ${ruleId} are skipped`);
  describe.runIf(present)(`${ruleId} on Polaris check fixtures`, () => {
    const findingsOf = async (file: string) => {
      const rel = path.relative(ROOT, path.join(POLARIS_CHECKS, file));
      const result = await lintPaths([rel], enableRule(ruleId));
      expect(result.failures).toEqual([]);
      expect(result.missing).toEqual([]);
      return result.findings.filter((f) => f.ruleId === ruleId);
    };
    for (const file of mapping.fires) {
      it(`fires on ${file}`, async () => expect((await findingsOf(file)).length).toBeGreaterThan(0));
    }
    for (const file of mapping.silent) {
      it(`stays silent on ${file}`, async () => expect((await findingsOf(file)).map((f) => f.message)).toEqual([]));
    }
    it('lists every file of the checks it uses', () => {
      const listed = new Set([...mapping.fires, ...mapping.silent, ...Object.keys(mapping.excluded ?? {})]);
      const checks = new Set([...listed].map((f) => f.split('/')[0]));
      for (const check of checks) {
        for (const file of readdir(check)) expect(listed, `${check}/${file} is neither used nor excluded`).toContain(`${check}/${file}`);
      }
    });
  });
}

function readdir(check: string): string[] {
  return readdirSync(path.join(POLARIS_CHECKS, check)).filter((n) => /^(failure|success|mutated)\b/.test(n));
}
