import { formatRef } from '../findings.js';
import { horizontalPodAutoscalers } from '../k8s/scale-target.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export default defineRule({
  meta: {
    id: 'hpa-replica-range',
    category: 'reliability',
    severity: 'warning',
    description: 'A HorizontalPodAutoscaler whose maxReplicas is below (error) or equal to minReplicas, or whose minReplicas is below the configured minimum (info).',
    rationale:
      'The API server rejects maxReplicas below minReplicas and minReplicas below 1. With maxReplicas equal to minReplicas the autoscaler can never change the replica count, so it does nothing. With minReplicas 1 the autoscaler scales down to a single pod at quiet times, and that pod\'s restart or eviction is an outage.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minReplicas: { type: 'integer', minimum: 1, description: 'The smallest minReplicas that is not reported (default 2).' },
      },
    },
    defaults: { minReplicas: 2 },
  },
  check(ctx) {
    const floor = isInt(ctx.options.minReplicas) ? ctx.options.minReplicas : 2;
    for (const hpa of horizontalPodAutoscalers(ctx.graph)) {
      const spec = hpa.object.spec;
      if (!isRecord(spec) || !isInt(spec.maxReplicas)) continue;
      const ref = formatRef(hpa.ref);
      const min = isInt(spec.minReplicas) ? spec.minReplicas : 1;
      const minPath = isInt(spec.minReplicas) ? ['spec', 'minReplicas'] : ['spec', 'maxReplicas'];
      if (min < 1) {
        ctx.report({
          node: { manifest: hpa, path: minPath },
          severity: 'error',
          message: `${ref} sets minReplicas ${min}, which the API server rejects unless the alpha HPAScaleToZero feature is enabled.`,
        });
      } else if (spec.maxReplicas < min) {
        ctx.report({
          node: { manifest: hpa, path: ['spec', 'maxReplicas'] },
          severity: 'error',
          message: `${ref} sets maxReplicas ${spec.maxReplicas} below minReplicas ${min}, so the API server rejects it.`,
        });
        continue;
      } else if (spec.maxReplicas === min) {
        ctx.report({
          node: { manifest: hpa, path: ['spec', 'maxReplicas'] },
          message: `${ref} sets maxReplicas equal to minReplicas (${min}), so it can never change the replica count and autoscales nothing.`,
        });
        continue;
      }
      if (min >= 1 && min < floor) {
        ctx.report({
          node: { manifest: hpa, path: minPath },
          severity: 'info',
          message: `${ref} ${isInt(spec.minReplicas) ? `sets minReplicas ${min}` : 'leaves minReplicas at its default of 1'}, so at quiet times it scales down to ${min === 1 ? 'a single pod, whose restart or eviction is an outage' : `${min} pods`}; set at least ${floor}.`,
        });
      }
    }
  },
});
