import type { Diagnostic } from '../diagnostic.js';
import { repoPath, type ReportInput } from './types.js';

/** XML text/attribute escaping, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function line(base: string, d: Diagnostic): string {
  const file = repoPath(base, d.file) ?? d.file ?? 'sopkit';
  const where = `${file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
  return `${where} ${d.severity}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
}

/**
 * JUnit XML for CI dashboards: one test case per rule. A rule with errors fails; one
 * with only warnings passes and lists them in system-out (JUnit has no "warning").
 */
export function junitReport(input: ReportInput): string {
  const ids = input.rules.map((r) => r.id);
  for (const d of input.diagnostics) if (!ids.includes(d.rule)) ids.push(d.rule);
  let failures = 0;
  const cases = ids.map((id) => {
    const mine = input.diagnostics.filter((d) => d.rule === id);
    const errors = mine.filter((d) => d.severity === 'error');
    const others = mine.filter((d) => d.severity !== 'error');
    let body = '';
    if (errors.length) {
      failures++;
      body += `\n      <failure message="${escapeXml(`${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]!.message}`)}" type="${escapeXml(id)}">${escapeXml(errors.map((d) => line(input.base, d)).join('\n'))}</failure>`;
    }
    if (others.length) body += `\n      <system-out>${escapeXml(others.map((d) => line(input.base, d)).join('\n'))}</system-out>`;
    return `    <testcase classname="sopkit.check" name="${escapeXml(id)}">${body}${body ? '\n    ' : ''}</testcase>`;
  });
  const name = input.sop ? `sopkit check: ${input.sop.title} v${input.sop.version}` : 'sopkit check';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(name)}" tests="${ids.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${escapeXml(name)}" tests="${ids.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
