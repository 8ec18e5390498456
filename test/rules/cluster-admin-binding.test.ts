import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('cluster-admin-binding');
