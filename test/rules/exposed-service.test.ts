import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('exposed-service');
