import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-network-policy');
