import { formatRef } from '../findings.js';
import {
  formatSelector,
  isEmptySelector,
  labelsOf,
  matchesSelector,
  parseLabelSelector,
  selectorFromMap,
  type Selector,
} from '../k8s/selector.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord } from '../k8s/values.js';

/** How a workload's selector is validated, per API group and version. */
interface Policy {
  /** `spec.selector` must be given (apps/v1). Otherwise it defaults to the template labels. */
  required: boolean;
  /** `{}` is rejected (every apps workload); a Job's manual selector has no such check. */
  nonEmpty: boolean;
  /** A plain map (ReplicationController) rather than a metav1.LabelSelector. */
  map: boolean;
}

const APPS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const EXTENSIONS_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet']);

function policyOf(m: Manifest): Policy | undefined {
  const { group, version, kind } = m.ref;
  if (group === 'apps' && APPS_KINDS.has(kind)) return { required: version === 'v1', nonEmpty: true, map: false };
  if (group === 'extensions' && EXTENSIONS_KINDS.has(kind)) return { required: false, nonEmpty: true, map: false };
  if (group === '' && kind === 'ReplicationController') return { required: false, nonEmpty: false, map: true };
  return undefined;
}

/** One selector-bearing spec: where the selector and the template live in the object. */
interface Target {
  specPath: JsonPath;
  spec: Record<string, unknown>;
  policy: Policy;
}

function targetsOf(m: Manifest): Target[] {
  const spec = m.object.spec;
  if (!isRecord(spec)) return [];
  const policy = policyOf(m);
  if (policy) return [{ specPath: ['spec'], spec, policy }];
  if (m.ref.group !== 'batch') return [];
  // Jobs get a generated selector unless spec.manualSelector is true; then it is required.
  const manual: Policy = { required: true, nonEmpty: false, map: false };
  if (m.ref.kind === 'Job') return spec.manualSelector === true ? [{ specPath: ['spec'], spec, policy: manual }] : [];
  if (m.ref.kind === 'CronJob' && isRecord(spec.jobTemplate) && isRecord(spec.jobTemplate.spec)) {
    const jobSpec = spec.jobTemplate.spec;
    return jobSpec.manualSelector === true ? [{ specPath: ['spec', 'jobTemplate', 'spec'], spec: jobSpec, policy: manual }] : [];
  }
  return [];
}

export default defineRule({
  meta: {
    id: 'selector-mismatch',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description: "A workload whose selector is missing, empty, invalid or does not match its own pod template's labels.",
    rationale:
      "A controller owns the pods its selector matches. The API server rejects a Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController or manual-selector Job whose selector does not match the labels of its own pod template (the controller would create pods it cannot see and create more forever), and rejects apps/v1 workloads with a missing or empty selector.",
  },
  check(ctx) {
    for (const m of ctx.graph.manifests) for (const t of targetsOf(m)) checkTarget(ctx, m, t);
  },
});

function checkTarget(ctx: RuleContext, m: Manifest, t: Target): void {
  const owner = formatRef(m.ref);
  const selectorPath = [...t.specPath, 'selector'];
  const raw = t.spec.selector;
  const kindText = m.ref.kind.toLowerCase();

  let selector: Selector;
  if (raw === undefined || raw === null) {
    if (t.policy.required)
      ctx.report({
        node: { manifest: m, path: selectorPath },
        message:
          m.ref.kind === 'Job' || m.ref.kind === 'CronJob'
            ? `${owner} sets manualSelector: true but has no spec.selector, so the API server rejects it (a manual selector is required).`
            : `${owner} has no spec.selector, so the API server rejects it: ${m.ref.group}/${m.ref.version} requires a selector that matches the pod template labels.`,
      });
    return;
  }
  if (t.policy.map) {
    if (!isRecord(raw)) {
      ctx.report({
        node: { manifest: m, path: selectorPath },
        message: `The selector of ${owner} is not a mapping of labels, so the API server cannot decode the object.`,
      });
      return;
    }
    selector = selectorFromMap(raw);
    // An empty map is defaulted to the template labels.
    if (isEmptySelector(selector)) return;
  } else {
    const parsed = parseLabelSelector(raw);
    if (!parsed.ok) {
      ctx.report({
        node: { manifest: m, path: selectorPath },
        message: `The selector of ${owner} is invalid, so the API server rejects the object: ${parsed.error}.`,
      });
      return;
    }
    selector = parsed.selector;
    if (isEmptySelector(selector)) {
      if (t.policy.nonEmpty)
        ctx.report({
          node: { manifest: m, path: selectorPath },
          message: `${owner} has an empty selector, so the API server rejects it (empty selector is invalid for ${kindText}); it would select every pod in the namespace.`,
        });
      return;
    }
  }

  const templatePath = [...t.specPath, 'template'];
  const template = t.spec.template;
  if (!isRecord(template)) return; // no pod template: another problem, reported elsewhere
  const metadata = template.metadata;
  const rawLabels = isRecord(metadata) ? metadata.labels : undefined;
  const labels = labelsOf(rawLabels);
  if (matchesSelector(selector, labels)) return;

  const labelsPath: JsonPath = isRecord(rawLabels)
    ? [...templatePath, 'metadata', 'labels']
    : isRecord(metadata)
      ? [...templatePath, 'metadata']
      : templatePath;
  const labelText = Object.keys(labels).length === 0 ? 'no labels' : `labels ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')}`;
  ctx.report({
    node: { manifest: m, path: selectorPath },
    message: `The selector ${formatSelector(selector)} of ${owner} does not match its pod template (${labelText}), so the API server rejects it: \`selector\` does not match template \`labels\`.`,
    related: [{ node: { manifest: m, path: labelsPath }, note: 'the pod template labels' }],
  });
}
