import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('hpa-replica-range');
