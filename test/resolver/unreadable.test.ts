/**
 * An unreadable file (EACCES) becomes a finding and the other files are still linted. Tests run as
 * root on CI, where chmod 000 does not stop reads, so the read error is injected.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readFile: async (file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
      if (String(file).endsWith('secret-perms.yaml')) {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }
      return (actual.readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
    },
  };
});

const { lint } = await import('../../src/index.js');

describe('unreadable files', () => {
  it('reports permission denied and lints the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-perm-'));
    writeFileSync(path.join(dir, 'secret-perms.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    writeFileSync(path.join(dir, 'good.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n');
    const r = await lint(['.'], { cwd: dir });
    const denied = r.findings.find((f) => f.location.file === 'secret-perms.yaml');
    expect(denied?.ruleId).toBe('yaml-syntax');
    expect(denied?.message).toMatch(/permission denied/);
    expect(r.findings.some((f) => f.location.file === 'good.yaml' && f.ruleId === 'dangling-service')).toBe(true);
  });
});
