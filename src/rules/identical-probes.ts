import { formatRef } from '../findings.js';
import { canonicalProbe, mayHaveProbes } from '../k8s/probes.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'identical-probes',
    category: 'reliability',
    severity: 'warning',
    description: 'A container whose liveness and readiness probes are the same check with the same timing.',
    rationale:
      'Readiness takes an overloaded pod out of rotation; liveness restarts it. When both probes are identical they fail at the same moment, so a pod that only needed a break from traffic is restarted as well, its load moves to the other pods, and they fail and restart in turn: a cascade of restarts.',
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      for (const c of entry.containers) {
        if (!mayHaveProbes(c)) continue; // invalid-probe reports probes on these
        const liveness = canonicalProbe(c.container.livenessProbe, c.container);
        if (liveness === undefined) continue;
        const readiness = canonicalProbe(c.container.readinessProbe, c.container);
        if (readiness !== liveness) continue;
        const label = c.sidecar ? `sidecar container "${c.name}"` : `container "${c.name}"`;
        ctx.report({
          node: { manifest: entry.manifest, path: [...c.path, 'livenessProbe'], part: 'key' },
          message: `The livenessProbe of ${label} in ${formatRef(entry.manifest.ref)} is identical to its readinessProbe, so when the application is overloaded both fail together and the kubelet restarts a container that only needed to be taken out of rotation.`,
          related: [{ node: { manifest: entry.manifest, path: [...c.path, 'readinessProbe'], part: 'key' }, note: 'the identical readinessProbe' }],
        });
      }
    }
  },
});
