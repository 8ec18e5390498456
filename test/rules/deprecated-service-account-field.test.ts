import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('deprecated-service-account-field');
