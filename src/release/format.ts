import { describeEndorsements } from './endorsements.js';
import type { ApplyResult } from './apply.js';
import type { ReleasePlan } from './types.js';

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The plan in words, for `--dry-run` (every file) and after a release (totals only).
 * Paths are relative to the SOP folder; nothing here depends on the machine or clock.
 */
export function formatPlan(plan: ReleasePlan, options: { listFiles: boolean; done?: ApplyResult; build?: boolean }): string {
  const verb = options.done ? 'wrote' : 'would write';
  const lines: string[] = [];
  const total = plan.files.reduce((s, f) => s + f.bytes.length, 0);
  lines.push(`${options.done ? 'Released' : 'Release plan for'} version ${plan.version} (${plan.date})${plan.previous ? `, after ${plan.previous}` : ', the first release'}`);
  for (const name of options.done ? options.done.cleaned : plan.staleStaging) lines.push(`  ${options.done ? 'removed' : 'would remove'} releases/${name}/ (left by an interrupted release)`);
  lines.push(`  ${verb} ${plan.target}/: ${plan.files.length} files, ${size(total)} (sources frozen, sop.yaml with version ${plan.version} and date ${plan.date}, release.json)`);
  if (options.listFiles) for (const f of plan.files) lines.push(`    ${f.path}  ${size(f.bytes.length)}  sha256:${f.sha256.slice(0, 12)}`);
  lines.push(`  ${options.done ? 'updated' : 'would update'} ${plan.log.path} (adds ${plan.log.added.join(', ')})`);
  lines.push(`Changes: ${plan.manifest.summary}`);
  lines.push(`Endorsements: ${describeEndorsements(plan.manifest.endorsements, plan.version)}`);
  if (!options.done) {
    if (options.build !== false) lines.push(`  would then build the site, PDFs and posters of ${plan.version} into dist/ (skip with --no-build)`);
    if (plan.previous) lines.push(`  would write dist/report/diff-${plan.previous}-${plan.version}.html and dist/report/changelog-${plan.version}.md`);
    lines.push('Dry run: nothing was written.');
  }
  return `${lines.join('\n')}\n`;
}
