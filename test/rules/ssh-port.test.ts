import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('ssh-port');
