import path from 'node:path';
import { runRules, type PageCounter } from '../check/index.js';
import { countBySeverity, diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { loadSop } from '../model/index.js';
import { applyRelease, type ApplyResult } from './apply.js';
import { acquireReleaseLock, type ReleaseLock } from './lock.js';
import { planRelease } from './plan.js';
import { isIsoDate, isVersion, notAVersion, readReleasesState, refuseFrozenFolder } from '../store/index.js';
import type { ReleasePlan } from './types.js';

export interface RunReleaseOptions {
  dir: string;
  version: string;
  date: string;
  dryRun?: boolean;
  /** R1 page counter (the layout's `countBodyPages`); without one the page budget is not checked. */
  countBodyPages?: PageCounter;
}

export interface RunReleaseResult {
  plan: ReleasePlan;
  /** Undefined for a dry run. */
  applied?: ApplyResult;
  /** Warnings of the strict check and of planning (errors throw instead). */
  warnings: Diagnostic[];
  /**
   * The release lock (`releases/.lock`), still held when the release was applied so
   * that building its outputs happens under it too: the caller releases it when done.
   */
  lock?: ReleaseLock;
}

/**
 * `sopkit release`: load, check strictly as of the release date (errors block; missing
 * signatures are warnings and never do), read the releases, plan, and apply unless
 * `dryRun`. Throws `SopkitError` with exit 1 when the release is refused or blocked —
 * in every such case nothing has been written.
 */
export async function runRelease(options: RunReleaseOptions): Promise<RunReleaseResult> {
  const { version, date } = options;
  // Cheap refusals first, so a typo does not wait for the whole check.
  if (!isVersion(version)) throw new SopkitError(diagnostic('release-version', 'error', notAVersion(version), undefined, 'Use MAJOR.MINOR, e.g. `sopkit release 1.1`.'), 2);
  if (!isIsoDate(date)) throw new SopkitError(diagnostic('release-date', 'error', `"${date}" is not a date written YYYY-MM-DD`, undefined, 'Pass e.g. --date 2026-11-25, or leave --date out to use today.'), 2);

  const root = path.resolve(options.dir);
  await refuseFrozenFolder(root, options.dir);
  const { model, diagnostics: loadDiagnostics } = await loadSop(root);
  // Check the SOP as it will be frozen: with the release's version, as of its date.
  const frozen = { ...model, manifest: { ...model.manifest, version, date } };
  const found = await runRules(frozen, loadDiagnostics, { today: date, strict: true, countBodyPages: options.countBodyPages });
  const errors = found.filter((d) => d.severity === 'error' && d.rule !== 'endorsement-pending');
  if (errors.length) {
    const n = countBySeverity(errors).error;
    throw new SopkitError(
      [
        diagnostic('release-blocked', 'error', `release ${version} is blocked by ${n} error${n === 1 ? '' : 's'} found by \`sopkit check --strict\`; nothing was written`, undefined, `Fix them (run \`sopkit check --strict --today ${date}\` to see them again), then run the release again.`),
        ...errors,
      ],
      1,
    );
  }
  if (options.dryRun) {
    const state = await readReleasesState(root);
    const plan = planRelease(model, state, { version, date });
    return { plan, warnings: [...found.filter((d) => d.severity === 'warning'), ...plan.warnings] };
  }
  // One release at a time: the releases, the log and the previous release are read
  // (again) under the lock, so a concurrent release can never make this one stale.
  const lock = await acquireReleaseLock(root);
  try {
    const state = await readReleasesState(root);
    const plan = planRelease(model, state, { version, date });
    const warnings = [...(lock.note ? [lock.note] : []), ...found.filter((d) => d.severity === 'warning'), ...plan.warnings];
    const applied = await applyRelease(plan);
    return { plan, applied, warnings, lock };
  } catch (e) {
    await lock.release();
    throw e;
  }
}
