import type { VerifyResult } from './verify.js';

/** Failing pages listed per file in the pretty report before "… and N more". */
const MAX_LISTED = 20;

/** The human report: one line per file, then what is missing where, then a summary line. */
export function formatVerifyPretty(result: VerifyResult): string {
  const lines: string[] = [];
  for (const f of result.files) {
    if (f.error) {
      lines.push(`✗ ${f.file}: ${f.error.message}`);
      if (f.error.hint) lines.push(`    hint: ${f.error.hint}`);
      continue;
    }
    const pages = `${f.pages} page${f.pages === 1 ? '' : 's'} checked`;
    if (f.passed) lines.push(`✓ ${f.file}: ${pages}, the header is on every page`);
    else {
      const n = f.failures.length;
      lines.push(`✗ ${f.file}: ${pages}${n ? `, ${n} without the full header` : ''}`);
      for (const p of f.problems) lines.push(`    ${p}`);
      f.failures.slice(0, MAX_LISTED).forEach((p, i) => {
        lines.push(`    ${p.message}`);
        // Once per file is enough to show a header that is there but worded differently.
        if (i === 0) lines.push(p.found ? `      the top of that page reads: "${p.found}"` : '      the top of that page has no text');
      });
      if (n > MAX_LISTED) lines.push(`    … and ${n - MAX_LISTED} more (use --format json for the full list)`);
    }
    if (f.notes.length === 1) lines.push(`    note: ${f.notes[0]!.message}`);
    else if (f.notes.length > 1) {
      // One line per file: posters and cards put the header at the foot by design.
      const pages = f.notes.map((n) => n.page);
      const list = pages.length > MAX_LISTED ? `${pages.slice(0, MAX_LISTED).join(', ')}, …` : pages.join(', ');
      lines.push(`    note: on ${pages.length} pages (${list}) the header was found ${f.notes[0]!.message.replace(/^.*? found /, '')}`);
    }
  }
  const failed = result.files.filter((f) => !f.passed && !f.error).length;
  const broken = result.files.filter((f) => f.error).length;
  const total = result.files.length;
  if (result.exitCode === 0) lines.push(`${total} PDF${total === 1 ? '' : 's'} verified: every page carries its header, the title and version stamp or the annex header (SOP folder: ${result.sopDir})`);
  else {
    const parts = [];
    if (failed) parts.push(`${failed} of ${total} PDF${total === 1 ? '' : 's'} lack the header on some page`);
    if (broken) parts.push(`${broken} could not be read`);
    lines.push(`${parts.join('; ')} (SOP folder: ${result.sopDir})`);
    if (failed) lines.push(`hint: rebuild with \`sopkit build ${result.sopDir}\`; an external annex PDF gets its header with \`sopkit stamp annex.pdf --annex 2 ${result.sopDir}\` (your file and annex number). If the PDFs belong to another SOP, pass its folder with --dir.`);
  }
  return lines.join('\n') + '\n';
}

export function formatVerifyJson(result: VerifyResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
