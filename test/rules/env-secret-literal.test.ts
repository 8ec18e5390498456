import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCredentialName, isPrivateKeyValue } from '../../src/k8s/credentials.js';
import { ROOT, describeRuleFixtures, lintPaths, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('env-secret-literal');

const DIR = 'test/fixtures/rules/env-secret-literal';
const RULE = 'env-secret-literal';


const pod = (env: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
${env}`;

describe('env-secret-literal details', () => {
  it('points at the name, names the variable and suggests secretKeyRef', async () => {
    const result = await lintPaths([`${DIR}/fail-literals.yaml`]);
    const f = result.findings.find((x) => x.ruleId === RULE && x.location.range.startLine === 26)!;
    expect(f.severity).toBe('warning');
    expect(f.location.range.startColumn).toBe(21);
    expect(f.message).toBe(
      'Env var "DB_PASSWORD" of container "api" in Deployment/default/api looks like a credential but has a literal value, so the secret sits in plain text in the manifest and the workload object; store it in a Secret and load it with valueFrom.secretKeyRef.',
    );
  });

  it('never puts a value in a message', async () => {
    const file = `${DIR}/fail-literals.yaml`;
    const result = await lintPaths([file, `${DIR}/fail-pod-ephemeral.yaml`]);
    const findings = result.findings.filter((f) => f.ruleId === RULE);
    expect(findings.length).toBeGreaterThanOrEqual(11);
    const values = ['ghp_example0000000000000000000000000000', 'hunter2', 'k-123', 'wJalrXUtnFEMI', 's3cr3t', '1234', '987654', 'admin:admin', 'password=x', '0123456789abcdef', 'BEGIN RSA', 'MIIEpAIBAAKCAQEA', 'root'];
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const v of values.slice(0, -1)) expect(text).toContain(v); // the values really are in the fixture
    for (const f of findings) for (const v of values) expect(f.message).not.toContain(v);
  });

  it('keeps even an unusual literal out of the message', async () => {
    const value = 'Zq9!unusual-literal-value';
    const result = await lintText(pod(`        - name: API_TOKEN\n          value: "${value}"\n`));
    const findings = result.findings.filter((x) => x.ruleId === RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"API_TOKEN"');
    expect(findings[0].message).not.toContain(value);
    expect(findings[0].message).not.toContain('unusual');
  });

  it('says when the value is a private key', async () => {
    const result = await lintPaths([`${DIR}/fail-literals.yaml`]);
    const f = result.findings.find((x) => x.ruleId === RULE && x.message.includes('"MIXED"'))!;
    expect(f.message).toContain('holds a literal private key');
  });

  it('skips the names listed in allowNames', async () => {
    const text = pod('        - name: DEMO_PASSWORD\n          value: demo\n        - name: OTHER_PASSWORD\n          value: demo\n');
    const plain = await lintText(text);
    expect(plain.findings.filter((f) => f.ruleId === RULE).map((f) => f.location.range.startLine)).toEqual([10, 12]);
    const allowed = await lintText(text, { config: { rules: { [RULE]: { options: { allowNames: ['DEMO_PASSWORD'] } } } } });
    expect(allowed.findings.filter((f) => f.ruleId === RULE).map((f) => f.location.range.startLine)).toEqual([12]);
  });
});

describe('isCredentialName', () => {
  it.each([
    'DB_PASSWORD',
    'dbPassword',
    'db-password',
    'password',
    'PASSWD',
    'MYSQL_ROOT_PASSWORD',
    'JWT_SECRET',
    'clientSecret',
    'GITHUB_TOKEN',
    'accessToken',
    'API_KEY',
    'apiKey',
    'APIKey',
    'x-api-key',
    'STRIPE_APIKEY',
    'PRIVATE_KEY',
    'ssh.private.key',
    'AWS_SECRET_ACCESS_KEY',
    'MINIO_ACCESS_KEY',
    'GCP_CREDENTIALS',
    'credentials',
    'REDIS_PASS',
    'DB_PWD',
    'BASIC_AUTH',
    'AUTH',
    'HTTP_AUTHORIZATION',
    'SECRET_KEY_BASE',
    'ENCRYPTION_KEY',
    'PASSWORD2',
  ])('%s is a credential name', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each([
    'DB_HOST',
    'DB_PASSWORD_FILE',
    'PASSWORD_PATH',
    'SECRETS_DIR',
    'TOKEN_URL',
    'AUTH_URI',
    'TOKEN_ENDPOINT',
    'SECRET_NAME',
    'AWS_ACCESS_KEY_ID',
    'CLIENT_ID',
    'AUTH_TYPE',
    'AUTH_ENABLED',
    'TOKEN_TTL',
    'TOKEN_EXPIRY',
    'PASSWORD_MIN_LENGTH',
    'MAX_NEW_TOKENS',
    'TOKENIZERS_PARALLELISM',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'ETCD_INITIAL_CLUSTER_TOKEN',
    'POSTGRES_HOST_AUTH_METHOD',
    'OAUTH_PROVIDER',
    'SSH_AUTH_SOCK',
    'PWD',
    'OLDPWD',
    'BYPASS',
    'PASS_THROUGH',
    'AUTHOR',
    'AUTHORITY',
    'SORT_KEY',
    'KEY',
    '',
  ])('%s is not a credential name', (name) => {
    expect(isCredentialName(name)).toBe(false);
  });
});

describe('isPrivateKeyValue', () => {
  it('recognises PEM private keys only', () => {
    expect(isPrivateKeyValue('-----BEGIN OPENSSH PRIVATE KEY-----\nabc')).toBe(true);
    expect(isPrivateKeyValue('-----BEGIN PRIVATE KEY-----')).toBe(true);
    expect(isPrivateKeyValue('-----BEGIN CERTIFICATE-----')).toBe(false);
    expect(isPrivateKeyValue('-----BEGIN PUBLIC KEY-----')).toBe(false);
  });
});
