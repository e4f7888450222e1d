// Hints print commands that work as written: every `sopkit …` command quoted in a message
// or hint string in src/ is parsed by the real commander program (no action runs). A hint
// naming an unknown command or flag, a bad option value, a missing argument or a
// placeholder (…, <dir>) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { dryParse } from './dry-parse.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** A sample value for a template expression inside a hint, by what it names. */
function sample(expr: string, versions: { n: number }): string {
  if (/port/i.test(expr)) return '4174';
  if (/date|today/i.test(expr)) return '2026-11-25';
  if (/version|previous|from\b|\.to\b|nextVersion/i.test(expr)) return versions.n++ === 0 ? '2.0' : '2.1';
  if (/lang/i.test(expr)) return 'en';
  return 'sop-sources';
}

/** Every `sopkit …` command quoted in a string of src/ (comments left out), with its place. */
function hintsInSources(): Array<{ where: string; raw: string; line: string }> {
  const out: Array<{ where: string; raw: string; line: string }> = [];
  for (const file of tsFiles(path.join(ROOT, 'src'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      // In a template literal the quotes are \`…\`; in a plain string they are `…`.
      for (const m of text.matchAll(/\\?`(sopkit (?:[^`\\$]|\$\{[^}]*\})*)\\?`/g)) {
        // A template literal that starts with "sopkit check: …" is a message prefix, not a command.
        if (/^sopkit [\w-]+:/.test(m[1]!)) continue;
        const versions = { n: 0 };
        const line = m[1]!.replace(/\$\{([^}]*)\}/g, (_, expr: string) => sample(expr, versions));
        out.push({ where: `${path.relative(ROOT, file)}:${i + 1}`, raw: m[1]!, line });
      }
    });
  }
  return out;
}

describe('hints print commands that work as written', () => {
  const hints = hintsInSources();

  it('finds the hints (the scan itself works)', () => {
    expect(hints.length).toBeGreaterThan(15);
    expect(hints.some((h) => h.raw.startsWith('sopkit check'))).toBe(true);
    expect(hints.some((h) => h.raw.startsWith('sopkit i18n sync'))).toBe(true);
  });

  it('every quoted sopkit command in src/ parses with the real program', async () => {
    const bad: string[] = [];
    for (const h of hints) {
      const problem = await dryParse(h.line);
      if (problem) bad.push(`${h.where}: \`${h.raw}\` → ${problem}`);
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('the dry parse rejects unknown commands, unknown flags, bad values and placeholders', async () => {
    expect(await dryParse('sopkit frob sop-sources')).toMatch(/unknown command/);
    expect(await dryParse('sopkit check --frob')).toMatch(/unknown option/);
    expect(await dryParse('sopkit check sop-sources --format xml')).toMatch(/invalid/);
    expect(await dryParse('sopkit build sop-sources --only pdf,foo')).toMatch(/not an output/);
    expect(await dryParse('sopkit stamp annex.pdf --annex N')).toMatch(/annex number/);
    expect(await dryParse('sopkit review DIR --date …')).toMatch(/placeholder/);
    expect(await dryParse('sopkit release --date 2026-11-25')).toMatch(/missing required argument/);
    expect(await dryParse('sopkit check a b')).toMatch(/too many arguments/);
    expect(await dryParse('sopkit frob')).toMatch(/unknown command/);
    expect(await dryParse('sopkit release')).toBeNull(); // a mention: "written by `sopkit release`"
    expect(await dryParse('sopkit check sop-sources --strict --today 2026-11-25')).toBeNull();
    expect(await dryParse("sopkit i18n sync 'my sop/sections/en/08-eligibility.md'")).toBeNull();
  });
});
