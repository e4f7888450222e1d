import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatReport } from '../../src/diag/reporters/index.js';

const input = {
  diagnostics: [{ rule: 'x-rule', severity: 'warning' as const, message: '100% done\r\nnext: line', hint: 'a, b', file: 'sections/en/a b.md', line: 3, column: 2 }],
  base: 'my sop',
  rules: [{ id: 'x-rule', severity: 'warning' as const, description: 'X', help: 'Help' }],
  toolVersion: '0.1.0',
};

describe('github reporter', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(formatReport('github', input).split('\n')[0]).toBe('::warning file=my sop/sections/en/a b.md,line=3,col=2,title=x-rule::100%25 done%0D%0Anext: line%0Aa, b');
  });
  it('leaves out the file of things outside the repository (the shipped profile)', () => {
    const out = formatReport('github', { ...input, diagnostics: [{ rule: 'r', severity: 'error', message: 'm', file: '<sopkit>/templates/profiles/x.yaml', line: 1, column: 1 }] });
    expect(out.split('\n')[0]).toBe('::error title=r::m');
  });
});

describe('json reporter', () => {
  it('is the documented stable shape', () => {
    expect(JSON.parse(formatReport('json', { ...input, sop: { title: 'T', version: '1.0' } }))).toEqual({
      version: 1,
      sop: { title: 'T', version: '1.0' },
      summary: { errors: 0, warnings: 1 },
      diagnostics: [{ rule: 'x-rule', severity: 'warning', message: '100% done\r\nnext: line', hint: 'a, b', file: 'sections/en/a b.md', line: 3, column: 2 }],
    });
  });
});

describe('sarif reporter', () => {
  it('percent-encodes the artifact URI', () => {
    const log = JSON.parse(formatReport('sarif', input));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20sop/sections/en/a%20b.md');
    expect(log.runs[0].results[0].level).toBe('warning');
  });
});

describe('pretty reporter', () => {
  it('prints file:line:col, severity, message, rule and hint; colours only when asked', () => {
    const out = formatReport('pretty', input);
    expect(out).toContain('my sop/sections/en/a b.md:3:2  warning  100% done');
    expect(out).toContain('hint: a, b');
    expect(out).not.toContain('\u001b[');
    expect(formatReport('pretty', { ...input, colour: true })).toContain('\u001b[33mwarning\u001b[0m');
  });
});
