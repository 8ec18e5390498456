import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('rbac-wildcard');
