import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-ephemeral-storage-limit');
