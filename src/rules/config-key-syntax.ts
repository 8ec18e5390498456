// STUB: to be replaced by the real rule.
import { defineRule } from './types.js';

export default defineRule({
  meta: { id: 'config-key-syntax', category: 'correctness', severity: 'error', description: 'STUB', rationale: 'STUB' },
  check() {},
});
