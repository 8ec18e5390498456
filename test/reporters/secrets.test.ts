/**
 * Secret values never appear in any output: planted values in Secret data/stringData and in
 * credential-like literal env values are searched for in every format, with every rule at error
 * level so that the text reporter prints code frames around them.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

const PLANTED = [
  'hunter2-planted-data',
  'plain-planted-stringdata',
  'bad-key-planted-value',
  'env-planted-password',
  'flow-planted-token',
  'dup-planted-first',
  'dup-planted-second',
];
const NOT_BASE64 = 'notbase64planted!!';

const INPUT = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: ${b64(PLANTED[0])}
  broken: ${NOT_BASE64}
  "bad key!": ${b64(PLANTED[2])}
stringData:
  token: ${PLANTED[1]}
---
apiVersion: v1
kind: Secret
metadata:
  name: dup
stringData:
  password: ${PLANTED[5]}
  password: ${PLANTED[6]}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: example/api:1.0
          env:
            - name: DB_PASSWORD
              value: ${PLANTED[3]}
            - {name: API_TOKEN, value: ${PLANTED[4]}}
`;

const allErrors = RULES.flatMap((r) => ['--rule', `${r.meta.id}=error`]);

describe('secret values in output', () => {
  for (const format of ['text', 'json', 'sarif']) {
    for (const levels of [[], allErrors]) {
      it(`never appear in ${format} output${levels.length ? ' with every rule at error level' : ''}`, async () => {
        const run = await runCli(['--format', format, ...levels, '-'], { stdin: INPUT });
        const out = run.stdout + run.stderr;
        // The findings about these values exist…
        expect(out).toContain('env-secret-literal');
        expect(out).toContain('config-key-syntax');
        // …but the values do not.
        for (const value of [...PLANTED, ...PLANTED.map(b64), NOT_BASE64]) expect(out).not.toContain(value);
      });
    }
  }
});
