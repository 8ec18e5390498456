import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('min-replicas');
