import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFreshLib } from '../setup/built-lib.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/sopkit.js');

/** lib/ built from the sources as they are (tests/setup/built-lib.ts; the global setup did it already in a full run). */
export function ensureBuilt(): void {
  ensureFreshLib();
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
