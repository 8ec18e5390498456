import { formatRef } from '../findings.js';
import { hasPlaceholder, parseImageRef } from '../k8s/image-ref.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'latest-tag',
    category: 'reliability',
    severity: 'warning',
    description: 'A container image with no tag or the tag latest (and no digest).',
    rationale:
      'An image without a tag means :latest, and :latest moves. Each node pulls whatever it points to when a pod starts there, so replicas of one Deployment can run different code, a restarted pod can change version silently, and rolling back the Deployment does not bring the old image back.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        const image = c.container.image;
        if (typeof image !== 'string' || image.trim() === '' || hasPlaceholder(image)) continue;
        const ref = parseImageRef(image);
        if (ref.digest) continue; // pinned by content: the tag, if any, is ignored
        let what: string;
        if (ref.tag === undefined) what = 'has no tag, so it means :latest';
        else if (ref.tag === 'latest') what = 'uses the tag :latest';
        else continue;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'image'] },
          message: `Image "${image.trim()}" of container "${c.name}" in ${formatRef(entry.manifest.ref)} ${what}: nodes pull whatever that points to when a pod starts, so pods started at different times can run different versions and a rollback does not restore the old image.`,
        });
      }
    }
  },
});
