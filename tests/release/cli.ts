import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remember } from './tree.js';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Compiles sopkit into a private throw-away package folder (lib/ plus links to
 * schemas/, templates/, node_modules/ and package.json), so these tests drive the real
 * CLI in child processes without touching the shared lib/ that teammates build.
 */
export async function buildPrivateCli(): Promise<string> {
  const pkg = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-cli-')));
  await mkdir(path.join(pkg, 'lib'));
  for (const name of ['schemas', 'templates', 'node_modules', 'package.json']) await symlink(path.join(REPO, name), path.join(pkg, name));
  // Type errors elsewhere in the tree must not stop the emit (tsc emits anyway; exit code ignored).
  await run(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'tsconfig.json'), '--outDir', path.join(pkg, 'lib')], { maxBuffer: 1 << 24 }).catch(() => undefined);
  return path.join(pkg, 'lib', 'cli', 'main.js');
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
