/**
 * How reference rules report an object that is not in the input. False positives matter more than
 * recall: an object named in `external:` is never reported; when the input has no object of that
 * kind at all (no Secrets: they come from a vault), the finding is capped at `info`; otherwise — or
 * with `references: strict` — it is reported at the rule's level.
 */
import type { Severity } from '../findings.js';
import type { RuleContext } from './types.js';

export interface MissingTarget {
  /** API group of the referenced kind ("" for core). */
  group: string;
  kind: string;
  /** For namespaced kinds. */
  namespace?: string;
  name: string;
}

export type MissingVerdict = { report: false } | { report: true; maxSeverity?: Severity; absentKind: boolean };

export function missingReference(ctx: RuleContext, target: MissingTarget): MissingVerdict {
  if (ctx.run.isExternal(target)) return { report: false };
  const absentKind = !ctx.graph.ofKind(target.kind).some((m) => m.ref.group === target.group);
  if (absentKind && ctx.run.references !== 'strict') return { report: true, maxSeverity: 'info', absentKind };
  return { report: true, absentKind };
}

/** The sentence to append when a finding was capped because the input defines no such kind. */
export function absentKindNote(kind: string): string {
  return ` (the input has no ${kind} objects at all, so it may be managed elsewhere: list it under "external" in .drydock.yaml, or set references: strict)`;
}
