import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/sopkit.js');

/** Builds lib/ once when it is missing (CI runs `npm install`, whose prepare step builds it). */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, 'lib/cli/main.js'))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  // The second half of `npm run build`: vendor bundles, validators, shipped profiles.
  const b = spawnSync(process.execPath, [path.join(ROOT, 'lib/tooling/postbuild.js')], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`post-build steps failed:\n${b.stdout}${b.stderr}`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI as a separate process (no TTY, so no colours, and progress as one
 * line per stage unless `env` sets SOPKIT_PROGRESS).
 */
export function sopkit(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOPKIT_DEBUG: '', SOPKIT_PROGRESS: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its size and mtime: to prove a command wrote nothing. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out.push(`${path.relative(dir, p)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** No JavaScript stack frame leaked into a user-facing message. */
export const STACK = /\n\s+at .+\(.*:\d+:\d+\)|\bat async\b|node:internal/;
