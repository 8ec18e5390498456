import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('duplicate-env-var');
