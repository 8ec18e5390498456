import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'unknown-kind',
    category: 'correctness',
    severity: 'warning',
    description:
      'An apiVersion/kind that is neither built into Kubernetes nor defined by a CRD in the input or a schema folder, so it cannot be validated.',
    rationale:
      'The API server rejects an object whose kind it does not serve ("no matches for kind"), which happens when a CRD is missing, not yet installed, or serves other versions. drydock cannot check such an object, and says so instead of skipping it silently.',
  },
  check(ctx) {
    const registry = ctx.run.schemas();
    for (const m of ctx.graph.manifests) {
      const { group, version, kind } = m.ref;
      const found = registry.lookup({ group, version, kind });
      // Built-in kinds missing from the target version are deprecated-api's findings; a served
      // CRD version whose schema cannot be used is reported on the CRD by the schema rule.
      if (found.schema || found.builtin || found.servedByCrd) continue;
      const apiVersion = group === '' ? version : `${group}/${version}`;
      if (found.definedByCrd) {
        ctx.report({
          node: { manifest: m, path: ['apiVersion'] },
          message: `${kind} is defined by a CustomResourceDefinition in the input, but not with a served version ${version}, so the API server does not accept ${apiVersion} ${kind}.`,
        });
        continue;
      }
      ctx.report({
        node: { manifest: m, path: ['kind'] },
        message: `${apiVersion} ${kind} is not a built-in kind of Kubernetes ${ctx.run.kubernetesVersion} and no CustomResourceDefinition in the input or schema folder defines it, so it is not validated and the API server rejects it unless its CRD is installed.`,
      });
    }
  },
});
