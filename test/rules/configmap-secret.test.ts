import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('configmap-secret');
