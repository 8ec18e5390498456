import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('object-shape');
