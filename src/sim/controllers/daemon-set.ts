/**
 * DaemonSet controller (§4.5): one pod `<ds>-<5 chars>` per eligible node, with the tolerations the
 * controller adds and required node affinity pinning it to that node; kube-scheduler then places it,
 * so resource shortfalls show as ordinary scheduler messages. Eligibility (nodeSelector, required node
 * affinity, NoSchedule/NoExecute taints) is the caller's `daemonEligible` predicate.
 */
import { podTemplateOf } from '../../k8s/pod-template.js';
import { labelsOf } from '../../k8s/selector.js';
import { valueAt } from '../../k8s/values.js';
import type { Manifest } from '../../resolver/manifest.js';
import { templateHash } from '../naming.js';
import type { ControllerContext } from './context.js';
import { addDaemonTolerations, pinToNode } from './daemon-tolerations.js';
import { addPod } from './new-pod.js';
import { DefaultedTemplate } from './pod-defaults.js';
import { daemonSetStrategy } from './rollout-strategy.js';
import { emptyWorkload, type SimWorkload } from './workload.js';

export function reconcileDaemonSet(manifest: Manifest, ctx: ControllerContext): SimWorkload {
  const workload = emptyWorkload(manifest);
  workload.eligibleNodes = [];
  const template = podTemplateOf(manifest.object);
  if (!template) {
    workload.notes.push('no pod template (spec.template.spec): the API server rejects the DaemonSet, so no pods are created');
    return workload;
  }
  const spec = manifest.object.spec as Record<string, unknown>;
  // The pod `NodeShouldRunDaemonPod` checks: the template with the added tolerations.
  const defaulted = new DefaultedTemplate(template.spec);
  const daemonSpec = defaulted.spec;
  addDaemonTolerations(daemonSpec);
  const presetNode = typeof daemonSpec.nodeName === 'string' && daemonSpec.nodeName !== '' ? daemonSpec.nodeName : undefined;
  for (const node of ctx.options.nodes) {
    if (presetNode !== undefined && presetNode !== node.name) continue;
    if (ctx.options.daemonEligible(daemonSpec, node)) workload.eligibleNodes.push(node.name);
  }
  workload.desiredReplicas = workload.eligibleNodes.length;
  const resolved = daemonSetStrategy(spec, workload.eligibleNodes.length);
  workload.strategy = resolved.strategy;
  workload.notes.push(...resolved.notes);
  if (workload.eligibleNodes.length === 0) {
    workload.notes.push(`no node of the ${ctx.options.nodes.length} in the cluster is eligible: no pods are created`);
    return workload;
  }

  const hash = templateHash(valueAt(manifest.object, template.path));
  const generation = manifest.object.metadata.generation;
  const labels = {
    ...labelsOf(template.metadata.labels),
    'controller-revision-hash': hash,
    'pod-template-generation': String(typeof generation === 'number' ? generation : 1),
  };
  workload.eligibleNodes.forEach((nodeName, i) => {
    const podSpec = defaulted.copy();
    pinToNode(podSpec, nodeName);
    addPod(ctx, workload, {
      manifest,
      template,
      generated: [],
      namespace: workload.namespace,
      // Seeded by node, so a pod keeps its name when nodes are added to the profile.
      name: ctx.names.generate(workload.namespace, `${workload.name}-`, `${workload.namespace}/${workload.name}/${nodeName}`),
      ordinal: i,
      labels: { ...labels },
      spec: podSpec,
      requests: defaulted.requests,
    });
  });
  return workload;
}
