import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('privileged-port');
