import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('image-pull-policy');
