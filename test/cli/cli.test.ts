import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SERVICE_WITHOUT_PODS = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: nothing
  ports:
    - port: 80
`;
const BROKEN_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  k: [1, 2
`;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('exit codes and --fail-on', () => {
  it('exits 0 when nothing is at or above the default level (error)', async () => {
    const run = await runCli(['-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(run.stdout).toContain('dangling-service');
    expect(run.code).toBe(0);
  });
  it('exits 1 on a warning with --fail-on warning', async () => {
    expect((await runCli(['--fail-on', 'warning', '-'], { stdin: SERVICE_WITHOUT_PODS })).code).toBe(1);
  });
  it('exits 1 on an error, 0 with --fail-on never', async () => {
    expect((await runCli(['-'], { stdin: BROKEN_YAML })).code).toBe(1);
    expect((await runCli(['--fail-on', 'never', '-'], { stdin: BROKEN_YAML })).code).toBe(0);
  });
  it('exits 2 on an unknown option, naming it', async () => {
    const run = await runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/frobnicate/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
  it('exits 2 on a bad --format, --fail-on or --rule', async () => {
    expect((await runCli(['--format', 'xml', '-'], { stdin: '' })).code).toBe(2);
    expect((await runCli(['--fail-on', 'sometimes', '-'], { stdin: '' })).code).toBe(2);
    const bad = await runCli(['--rule', 'no-such-rule=off', '-'], { stdin: '' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-rule');
    expect((await runCli(['--rule', 'dangling-service=loud', '-'], { stdin: '' })).code).toBe(2);
  });
  it('exits 2 on an unsupported --kubernetes-version or a missing --schema-dir', async () => {
    const version = await runCli(['--kubernetes-version', '2.0', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/1\.16/);
    const dir = await runCli(['--schema-dir', 'no/such/schemas', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('no/such/schemas');
    expect((await runCli(['-k', 'v1.29.4', '-'], { stdin: SERVICE_WITHOUT_PODS })).code).toBe(0);
  });
  it('exits 2 when a path does not exist', async () => {
    const run = await runCli(['no/such/dir']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/dir');
  });
});

describe('--rule and config', () => {
  it('--rule ID=off silences a rule and ID=error raises it', async () => {
    const off = await runCli(['--rule', 'dangling-service=off', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(off.stdout).not.toContain('dangling-service');
    const error = await runCli(['--rule', 'dangling-service=error', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/error\s+Service\/default\/web/);
  });
  it('reads .drydock.yaml found upward from the working directory', async () => {
    const dir = tempDir({
      '.drydock.yaml': 'rules:\n  dangling-service: error\nnamespace: shop\n',
      'svc.yaml': SERVICE_WITHOUT_PODS,
    });
    const sub = path.join(dir, 'sub');
    (await import('node:fs')).mkdirSync(sub);
    writeFileSync(path.join(sub, 'svc.yaml'), SERVICE_WITHOUT_PODS);
    const run = await runCli(['.'], { cwd: sub });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Service/shop/web');
  });
  it('config ignore globs and --ignore skip files', async () => {
    const dir = tempDir({ '.drydock.yaml': 'ignore: ["skip-*.yaml"]\n', 'skip-me.yaml': BROKEN_YAML, 'other.yaml': BROKEN_YAML });
    const run = await runCli(['.'], { cwd: dir });
    expect(run.stdout).toContain('other.yaml');
    expect(run.stdout).not.toContain('skip-me.yaml');
    const both = await runCli(['--ignore', 'other.yaml', '.'], { cwd: dir });
    expect(both.code).toBe(0);
  });
  it('an invalid config exits 2 and names the bad key', async () => {
    const dir = tempDir({ '.drydock.yaml': 'rules:\n  dangling-servce: off\n' });
    const run = await runCli(['.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dangling-servce');
    const dir2 = tempDir({ '.drydock.yaml': 'failOn: error\nfail_on: warning\n' });
    const run2 = await runCli(['.'], { cwd: dir2 });
    expect(run2.code).toBe(2);
    expect(run2.stderr).toContain('fail_on');
    const dir3 = tempDir({ '.drydock.yaml': 'rules:\n  dangling-service: loud\n' });
    const run3 = await runCli(['.'], { cwd: dir3 });
    expect(run3.code).toBe(2);
    expect(run3.stderr).toMatch(/rules\.dangling-service/);
  });
  it('asks to quote kubernetesVersion in the config', async () => {
    const dir = tempDir({ '.drydock.yaml': 'kubernetesVersion: 1.30\n' });
    const run = await runCli(['.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/quoted string/);
  });
  it('--config points at a file; a missing one exits 2', async () => {
    const dir = tempDir({ 'custom.yaml': 'rules:\n  duplicate-object: off\n', 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    expect((await runCli(['a.yaml'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['--config', 'custom.yaml', 'a.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--config', 'missing.yaml', 'a.yaml'], { cwd: dir })).code).toBe(2);
  });
  it('drydock.io/ignore annotations and # drydock-ignore comments suppress findings', async () => {
    const annotated = SERVICE_WITHOUT_PODS.replace('  name: web\n', '  name: web\n  annotations:\n    drydock.io/ignore: "dangling-service"\n');
    expect((await runCli(['--fail-on', 'warning', '-'], { stdin: annotated })).code).toBe(0);
    const star = SERVICE_WITHOUT_PODS.replace('  name: web\n', '  name: web\n  annotations:\n    drydock.io/ignore: "*"\n');
    expect((await runCli(['--fail-on', 'warning', '-'], { stdin: star })).code).toBe(0);
    const other = SERVICE_WITHOUT_PODS.replace('  name: web\n', '  name: web\n  annotations:\n    drydock.io/ignore: "probe-port"\n');
    expect((await runCli(['--fail-on', 'warning', '-'], { stdin: other })).code).toBe(1);
    const comment = SERVICE_WITHOUT_PODS.replace('  selector:\n', '  # drydock-ignore dangling-service\n  selector:\n');
    const run = await runCli(['--fail-on', 'warning', '-'], { stdin: comment });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 suppressed');
    const wrongId = SERVICE_WITHOUT_PODS.replace('  selector:\n', '  # drydock-ignore probe-port\n  selector:\n');
    expect((await runCli(['--fail-on', 'warning', '-'], { stdin: wrongId })).code).toBe(1);
    const dup = BROKEN_YAML.replace('  k: [1, 2', '  # drydock-ignore yaml-syntax\n  k: [1, 2');
    expect((await runCli(['-'], { stdin: dup })).code).toBe(0);
  });
});

describe('text output', () => {
  it('groups by file, shows line:col severity message rule-id, a code frame for errors and a summary', async () => {
    const run = await runCli(['test/fixtures/rules/yaml-syntax/fail-bad-indent.yaml', 'test/fixtures/rules/dangling-service/fail-no-pods.yaml']);
    const out = run.stdout;
    expect(out).toContain('test/fixtures/rules/yaml-syntax/fail-bad-indent.yaml\n');
    expect(out).toMatch(/ {2}10:2 +error {4}All mapping items must start at the same column.* {2}yaml-syntax/);
    expect(out).toMatch(/> 10 \| {2}spec: \{\}/);
    expect(out).toMatch(/\| {2}\^\n/);
    expect(out).toMatch(/7:5 +warning {2}Service\/default\/web/);
    expect(out).toMatch(/✖ \d+ problems \(1 error, \d+ warnings\)/);
    expect(out).not.toContain('\u001b[');
  });
  it('uses colours only on a TTY and never with NO_COLOR', async () => {
    const tty = await runCli(['-'], { stdin: BROKEN_YAML, isTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runCli(['-'], { stdin: BROKEN_YAML, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });
  it('--quiet shows errors only', async () => {
    const run = await runCli(['--quiet', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(run.stdout).not.toContain('dangling-service');
  });
  it('reports a clean run', async () => {
    const run = await runCli(['-'], { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✔ no problems — checked 1 object in 1 file/);
  });
});

describe('other flags', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
  });
  it('--help lists the options and exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--format', '--output', '--config', '--fail-on', '--rule', '--ignore', '--list-rules', '--quiet', '--version'])
      expect(run.stdout).toContain(flag);
  });
  it('--list-rules lists every rule with its level', async () => {
    const run = await runCli(['--list-rules']);
    expect(run.stdout).toMatch(/^dangling-service\s+warning\s+networking/m);
    expect(run.stdout).toMatch(/^yaml-syntax\s+error/m);
    const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout);
    expect(json.length).toBeGreaterThanOrEqual(21);
  });
  it('--output writes the report to a file', async () => {
    const dir = tempDir({});
    const run = await runCli(['--format', 'json', '--output', path.join(dir, 'out.json'), '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(report.findings[0].rule).toBe('dangling-service');
  });
  it('--namespace sets the namespace of objects without one', async () => {
    const run = await runCli(['-n', 'prod', '-'], { stdin: SERVICE_WITHOUT_PODS });
    expect(run.stdout).toContain('Service/prod/web');
  });
});
