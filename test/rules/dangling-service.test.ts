import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('dangling-service');
