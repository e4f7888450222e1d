import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFreshLib } from '../setup/built-lib.js';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The CLI as `npm run build` ships it (lib/cli/main.js with its vendor bundles and
 * generated validators), rebuilt first if the sources are newer (tests/setup/built-lib.ts).
 */
export async function builtCli(): Promise<string> {
  ensureFreshLib();
  return path.join(REPO, 'lib', 'cli', 'main.js');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  signal?: string | null;
}

/** Runs the CLI; never throws for a non-zero exit. */
export async function sopkit(main: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [main, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 1 << 24 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; signal?: string | null; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '', signal: err.signal };
  }
}
