import { main } from '../../src/cli/main.js';
import { ROOT } from './rule-tester.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (no TTY, so no colours). */
export async function runCli(argv: string[], options: { cwd?: string; stdin?: string | Uint8Array; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdinBytes = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : options.stdin;
  const code = await main({
    argv,
    cwd: options.cwd ?? ROOT,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    stdin: stdinBytes ? async () => stdinBytes : undefined,
  });
  return { code, stdout, stderr };
}
