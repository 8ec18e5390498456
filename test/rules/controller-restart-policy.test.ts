import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('controller-restart-policy');
