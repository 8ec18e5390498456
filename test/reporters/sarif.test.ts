import { createRequire } from 'node:module';
import * as ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
// CommonJS module: its default export sits on `.default` under NodeNext resolution.
const Ajv = ajvDraft04.default.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
const validate = ajv.compile(schema);

const FIXTURES = ['test/fixtures/rules/dangling-service', 'test/fixtures/rules/yaml-syntax', 'test/fixtures/rules/object-shape'];

describe('sarif reporter', () => {
  it('produces a log that validates against the SARIF 2.1.0 schema', async () => {
    const run = await runCli(['--format', 'sarif', ...FIXTURES]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(5);
  });

  it('rejects an invalid log (the schema check can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] })).toBe(false);
  });

  it('describes every rule that ran, with docs links and default levels', async () => {
    const log = JSON.parse((await runCli(['--format', 'sarif', 'test/fixtures/rules/dangling-service'])).stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('drydock');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const rule = driver.rules.find((r: { id: string }) => r.id === 'dangling-service');
    expect(rule.shortDescription.text).toMatch(/selector/);
    expect(rule.fullDescription.text.length).toBeGreaterThan(20);
    expect(rule.helpUri).toMatch(/rules-docs\/dangling-service\.md$/);
    expect(rule.defaultConfiguration.level).toBe('warning');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('yaml-syntax');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('locates results with relative URIs and exact regions', async () => {
    const log = JSON.parse((await runCli(['--format', 'sarif', 'test/fixtures/rules/dangling-service/fail-no-pods.yaml'])).stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'dangling-service');
    expect(result.level).toBe('warning');
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe('test/fixtures/rules/dangling-service/fail-no-pods.yaml');
    expect(loc.region).toMatchObject({ startLine: 7, startColumn: 5, endLine: 7 });
    expect(result.partialFingerprints['drydockFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps fingerprints stable when lines shift', async () => {
    const doc = (pad: string) =>
      `${pad}apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: nothing\n  ports:\n    - port: 80\n`;
    const a = JSON.parse((await runCli(['--format', 'sarif', '-'], { stdin: doc('') })).stdout);
    const b = JSON.parse((await runCli(['--format', 'sarif', '-'], { stdin: doc('# a comment\n\n') })).stdout);
    const fa = a.runs[0].results[0];
    const fb = b.runs[0].results[0];
    expect(fb.locations[0].physicalLocation.region.startLine).toBe(fa.locations[0].physicalLocation.region.startLine + 2);
    expect(fb.partialFingerprints).toEqual(fa.partialFingerprints);
  });

  it('puts related locations on cross-object findings', async () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: twice',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: twice',
      '',
    ].join('\n');
    const log = JSON.parse((await runCli(['--format', 'sarif', '-'], { stdin: text })).stdout);
    const dup = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-object');
    expect(dup.locations[0].physicalLocation.region.startLine).toBe(9);
    expect(dup.relatedLocations[0].physicalLocation.region.startLine).toBe(4);
    expect(validate(log)).toBe(true);
  });
});
