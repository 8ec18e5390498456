import { formatRef } from '../findings.js';
import { containerLabelStart } from '../k8s/container-label.js';
import { hasPlaceholder, parseImageRef } from '../k8s/image-ref.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'image-pull-policy',
    category: 'reliability',
    severity: 'warning',
    description: 'A container with imagePullPolicy Never, or IfNotPresent on a :latest (or untagged) image; optionally any policy other than Always.',
    rationale:
      'With Never the kubelet only uses an image already on the node, so pods fail with ErrImageNeverPull wherever it is missing. With IfNotPresent a moving tag such as :latest is pulled once per node and then kept, so nodes run whatever version they first saw and replicas drift apart.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireAlways: {
          type: 'boolean',
          description: 'Also report every container whose effective pull policy is not Always (as kube-score and Polaris do).',
        },
      },
    },
    defaults: { requireAlways: false },
  },
  check(ctx) {
    const requireAlways = ctx.options.requireAlways === true;
    for (const entry of ctx.graph.podTemplates()) {
      const owner = formatRef(entry.manifest.ref);
      for (const c of entry.containers) {
        const image = typeof c.container.image === 'string' ? c.container.image.trim() : '';
        const policy = c.container.imagePullPolicy;
        const ref = image && !hasPlaceholder(image) ? parseImageRef(image) : undefined;
        const moving = ref !== undefined && ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest');
        const who = `${containerLabelStart(c)} of ${owner}`;
        if (policy === 'Never') {
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'imagePullPolicy'] },
            message: `${who} sets imagePullPolicy: Never, so the kubelet never pulls its image and the pod fails with ErrImageNeverPull on every node that does not already have it.`,
          });
        } else if (policy === 'IfNotPresent' && moving) {
          ctx.report({
            node: { manifest: entry.manifest, path: [...c.path, 'imagePullPolicy'] },
            message: `${who} pulls the moving image "${image}" with imagePullPolicy: IfNotPresent, so each node keeps the version it pulled first and replicas run different code; pin a version or digest.`,
          });
        } else if (requireAlways && policy !== 'Always' && !(policy === undefined && moving)) {
          const path = policy === undefined || policy === null ? [...c.path, 'name'] : [...c.path, 'imagePullPolicy'];
          ctx.report({
            node: { manifest: entry.manifest, path },
            message: `${who} does not use imagePullPolicy: Always, so a node reuses the image it already has and an image re-pushed under the same tag is not picked up.`,
          });
        }
      }
    }
  },
});
