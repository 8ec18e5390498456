// STUB: to be replaced by the real rule.
import { defineRule } from './types.js';

export default defineRule({
  meta: { id: 'host-port', category: 'correctness', severity: 'warning', description: 'STUB', rationale: 'STUB' },
  check() {},
});
