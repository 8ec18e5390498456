// STUB: to be replaced by the real rule.
import { defineRule } from './types.js';

export default defineRule({
  meta: { id: 'env-secret-literal', category: 'correctness', severity: 'error', description: 'STUB', rationale: 'STUB' },
  check() {},
});
