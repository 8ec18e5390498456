import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('missing-anti-affinity');
