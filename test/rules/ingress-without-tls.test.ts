import { describeRuleFixtures } from '../helpers/rule-tester.js';

describeRuleFixtures('ingress-without-tls');
