import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('unsafe-sysctls');
