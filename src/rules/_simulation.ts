/**
 * Rules that report the dry-run simulation's findings: the simulator (src/sim/) decides, the rule
 * module carries the metadata and hands each finding of its id to the engine.
 */
import type { SimFindingId } from '../sim/model.js';
import { defineRule, type Rule, type RuleMeta } from './types.js';

export function simulationRule(meta: Omit<RuleMeta, 'simulation'> & { id: SimFindingId }): Rule {
  return defineRule({
    meta: { ...meta, simulation: true },
    check(ctx) {
      for (const issue of ctx.run.simulation().issues) {
        if (issue.id !== meta.id) continue;
        ctx.report({
          node: issue.at,
          message: issue.message,
          related: issue.related.filter((r) => r.node !== undefined).map((r) => ({ node: r.node!, note: r.note })),
        });
      }
    },
  });
}
