import type { ProgressStep } from '../diag/progress.js';

/**
 * How a command shows progress on standard error (never standard output, which stays
 * machine-readable):
 * - `tty`: one status line (`pdf ar 12/45 pages`, `posters 7/26`, `site en`) rewritten in
 *   place and cleared at the end — when standard error is a terminal;
 * - `lines`: one line per stage (`sopkit build: pdf ar`) — in CI logs and pipes;
 * - `off`: nothing — with `--quiet`.
 * `SOPKIT_PROGRESS=tty|lines|off` overrides the choice (`--quiet` still wins): tests use it
 * to get the terminal form without a terminal.
 */
export type ProgressMode = 'tty' | 'lines' | 'off';

export function progressMode(quiet?: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (quiet) return 'off';
  const forced = process.env.SOPKIT_PROGRESS;
  if (forced === 'tty' || forced === 'lines' || forced === 'off') return forced;
  return stream.isTTY ? 'tty' : 'lines';
}

export interface Progress {
  /** Receives the build's progress events (`onProgress` of build, posters, release). */
  (message: string, step?: ProgressStep): void;
  /** Clears the status line; call before printing anything else, and at the end. */
  clear(): void;
}

const CLEAR = '\r\u001b[2K';

function label(step: ProgressStep): string {
  const count = step.total !== undefined && step.done !== undefined ? ` ${step.done}/${step.total}${step.unit ? ` ${step.unit}` : ''}` : '';
  return `${step.stage}${step.lang ? ` ${step.lang}` : ''}${count}`;
}

/** A progress reporter for `command` (`build`, `posters`, `release`) in the given mode. */
export function createProgress(command: string, mode: ProgressMode, out: { write(s: string): unknown; columns?: number } = process.stderr): Progress {
  let shown = false;
  let lastStage = '';
  const clear = () => {
    if (shown) out.write(CLEAR);
    shown = false;
  };
  const report = (message: string, step?: ProgressStep) => {
    if (mode === 'off') return;
    if (mode === 'lines') {
      // One line per stage: the first event of each stage (and language) names it.
      const stage = step ? `${step.stage}${step.lang ? ` ${step.lang}` : ''}` : message;
      if (stage === lastStage) return;
      lastStage = stage;
      out.write(`sopkit ${command}: ${stage}\n`);
      return;
    }
    const width = Math.max(20, (out.columns ?? 80) - 1);
    const text = `${command}: ${step ? label(step) : message}`;
    out.write(`${CLEAR}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  return Object.assign(report, { clear });
}
