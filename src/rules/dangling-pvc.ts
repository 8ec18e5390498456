import { formatRef } from '../findings.js';
import { claimTemplateNames, describeUse, invalidNameNote, isStatefulSetClaimName, podReferences } from '../k8s/pod-references.js';
import type { Manifest } from '../resolver/manifest.js';
import { absentKindNote, missingReference } from './_reference-policy.js';
import { defineRule } from './types.js';

const isStatefulSet = (m: Manifest): boolean => m.ref.kind === 'StatefulSet' && m.ref.group === 'apps';

export default defineRule({
  meta: {
    id: 'dangling-pvc',
    category: 'configuration',
    severity: 'warning',
    description: 'A pod volume names a PersistentVolumeClaim that is not in its namespace in the input.',
    rationale:
      'The scheduler needs the claim to place the pod: with the PersistentVolumeClaim missing from the pod namespace the pod stays Pending with "persistentvolumeclaim not found" and never starts. StatefulSet claim templates and ephemeral volumes create their claims themselves.',
  },
  check(ctx) {
    // Claims StatefulSets create for their pods, per namespace: `<template>-<statefulset>-<ordinal>`.
    const claimSets = ctx.graph.ofKind('StatefulSet', 'apps').map((sts) => ({
      namespace: sts.ref.namespace,
      name: sts.ref.name,
      templates: claimTemplateNames(sts.object.spec),
    }));
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      const ownTemplates = isStatefulSet(entry.manifest) ? claimTemplateNames(entry.manifest.object.spec) : [];
      for (const ref of podReferences(entry.template, entry.containers)) {
        if (ref.kind !== 'PersistentVolumeClaim') continue;
        // The StatefulSet controller replaces a template volume named like a claim template.
        if (ref.volumeName !== undefined && ownTemplates.includes(ref.volumeName)) continue;
        const target = { group: '', kind: 'PersistentVolumeClaim', namespace: entry.namespace, name: ref.name };
        if (ctx.graph.get(target)) continue;
        if (claimSets.some((s) => s.namespace === entry.namespace && isStatefulSetClaimName(ref.name, s.name, s.templates))) continue;
        const verdict = missingReference(ctx, target);
        if (!verdict.report) continue;
        const note = verdict.maxSeverity !== undefined ? absentKindNote('PersistentVolumeClaim') : '';
        const hint = ownTemplates.includes(ref.name)
          ? `; the StatefulSet only replaces volumes named like a claim template, so name this volume "${ref.name}" to use claim template "${ref.name}"`
          : '';
        ctx.report({
          node: { manifest: entry.manifest, path: ref.namePath },
          message: `${describeUse(ref, owner)} PersistentVolumeClaim "${ref.name}"${invalidNameNote(ref.name)}, which is not in the input in namespace "${entry.namespace}", so the pods stay Pending (persistentvolumeclaim not found)${hint}${note}.`,
          maxSeverity: verdict.maxSeverity,
        });
      }
    }
  },
});
