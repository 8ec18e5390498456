import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('yaml-syntax');
