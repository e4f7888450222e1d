/**
 * `sopkit import`: the example exported to Word and imported back maps every component
 * and keeps the words in order; a pandoc-made Arabic .docx (tables, nested lists,
 * footnotes) and a hand-built one (merged cells, manual numbering) import into folders
 * `check` accepts, every table row kept; an existing file is never overwritten.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/document/index.js';
import { markdownWords } from '../../src/verify/source-words.js';
import { toWords, wordOrderScore } from '../../src/verify/word-order.js';
import { buildDocx } from '../../src/word/export/build.js';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from '../../src/vendor/docx.js';
import { ROOT, ensureBuilt, sopkit } from '../cli/cli.js';
import { missingTool } from '../helpers/tools.js';

let tmp: string;
// Skips (saying why) without pandoc; in CI a missing pandoc fails the file.
const PANDOC = !missingTool('pandoc');

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-import-'));
  await cp(path.join(ROOT, 'sop-sources'), path.join(tmp, 'sop'), { recursive: true });
  const { model } = await loadDocument(path.join(tmp, 'sop'));
  await buildDocx(model, path.join(tmp, 'out'));
}, 120_000);

const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('sopkit import: round trip of the example', () => {
  for (const lang of ['en', 'ar']) {
    it(`${lang}: every component mapped back, ≥ 95 % of each section's words in order, check accepts the folder`, async () => {
      const into = path.join(tmp, `back-${lang}`);
      const r = sopkit(['import', path.join(tmp, `out/docx/sop-v2.1-${lang}.docx`), '--into', into], tmp);
      expect(r.code, r.stderr).toBe(0);
      const { document } = await loadDocument(path.join(tmp, 'sop'));
      const source = document.languages.find((l) => l.lang === lang)!;
      const map = await readFile(path.join(into, 'import-map.yaml'), 'utf8');
      let mapped = 0;
      const components = source.components.filter((c) => c.sections[0]!.source.file !== 'sop.yaml');
      for (const c of components) {
        const file = path.join(into, `sections/${lang}/${String(c.n).padStart(2, '0')}-${c.id}.md`);
        const text = await readFile(file, 'utf8').catch(() => '');
        if (!/^---\ncomponent: /.test(text) || text.includes('TODO(sopkit)')) continue;
        mapped++;
        const src = c.sections.flatMap((s) => markdownWords(s.tree));
        const score = wordOrderScore(src, toWords(body(text)));
        expect(score.fraction, `${lang} ${c.id}`).toBeGreaterThanOrEqual(0.95);
      }
      // Figure for the report: the share of components that came back to their own file.
      expect(mapped / components.length, map).toBe(1);
      const check = sopkit(['check', into, '--no-layout', '--format', 'json'], tmp);
      expect(check.code, check.stdout).toBe(0);
    }, 120_000);
  }
});

/**
 * `check` on a folder imported from a partial document: the imported files are clean; the
 * only errors are the components the Word file did not have, still `init`'s templates.
 */
function expectOnlyTemplatesLeft(into: string, imported: string[]): void {
  const check = sopkit(['check', into, '--no-layout', '--format', 'json'], tmp);
  const d = (JSON.parse(check.stdout) as { diagnostics: Array<{ rule: string; severity: string; file?: string }> }).diagnostics;
  expect(d.filter((x) => imported.includes(x.file ?? '') && x.severity === 'error')).toEqual([]);
  expect(d.filter((x) => x.severity === 'error' && x.rule !== 'component-placeholder')).toEqual([]);
}

describe('sopkit import: documents made by other tools', () => {
  it.skipIf(!PANDOC)('a pandoc-made Arabic .docx: headings, a table, nested lists and footnotes survive (skipped without pandoc)', async () => {
    const md = [
      '# ٣. الهدف والنطاق', '', 'تحدد هذه الإجراءات كيفية تقديم خدمات إدارة الحالة للأطفال.[^1]', '',
      '- البند الأول', '    - بند فرعي أول', '    - بند فرعي ثان', '- البند الثاني', '',
      '# ٨- معايير الأهلية ومخطط التدفق', '', '| المعيار | الوصف |', '|---|---|', '| العمر | أقل من ١٨ سنة |', '| المكان | داخل المحافظة |', '| الخطر | تعرض للأذى |', '',
      '# ملاحظات أخرى لا تخص أي مكون', '', 'نص إضافي.', '', '[^1]: المصدر: قانون حماية الطفل.', '',
    ].join('\n');
    await writeFile(path.join(tmp, 'pandoc.md'), md);
    const p = spawnSync('pandoc', ['pandoc.md', '-o', 'pandoc.docx'], { cwd: tmp });
    expect(p.status, String(p.stderr)).toBe(0);
    const into = path.join(tmp, 'from-pandoc');
    const r = sopkit(['import', 'pandoc.docx', '--into', into], tmp);
    expect(r.code, r.stderr).toBe(0);
    const purpose = await readFile(path.join(into, 'sections/ar/03-purpose-scope.md'), 'utf8');
    expect(purpose).toMatch(/title: "الهدف والنطاق"/);
    expect(purpose).toMatch(/\[\^1\]/);
    expect(purpose).toMatch(/^\[\^1\]: المصدر: قانون حماية الطفل\.$/m);
    expect(purpose).toMatch(/^- البند الأول\n\n?  - بند فرعي أول/m);
    const elig = await readFile(path.join(into, 'sections/ar/08-eligibility.md'), 'utf8');
    expect(elig.match(/^\|.*\|$/gm)).toHaveLength(5); // header, rule, 3 rows
    expect(await readFile(path.join(into, 'imported-unmapped-ar.md'), 'utf8')).toContain('نص إضافي.');
    // The heading line is the front-matter title now; the body's words come back in order.
    expect(wordOrderScore(toWords(md.split('# ٨-')[0]!.split('\n').slice(1).join('\n')), toWords(body(purpose))).fraction).toBeGreaterThanOrEqual(0.95);
    expectOnlyTemplatesLeft(into, ['sections/ar/03-purpose-scope.md', 'sections/ar/08-eligibility.md']);
  }, 60_000);

  it('a hand-built .docx with merged cells and manual numbering: numbering stripped, rows kept, a warning', async () => {
    const cell = (t: string, extra: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph(t)], ...extra });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('9- Prioritisation of eligible cases')] }),
          new Paragraph('Cases are ranked by risk.'),
          new Table({ rows: [
            new TableRow({ children: [cell('Level'), cell('Response')] }),
            new TableRow({ children: [cell('High and very high', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('Medium'), cell('Three days')] }),
          ] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Component 6: Guiding principles')] }),
          new Paragraph('Do no harm.'),
        ],
      }],
    });
    await writeFile(path.join(tmp, 'hand.docx'), await Packer.toBuffer(doc));
    const into = path.join(tmp, 'from-hand');
    const r = sopkit(['import', 'hand.docx', '--into', into, '--language', 'en'], tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: "9- Prioritisation of eligible cases": 1 merged table cell flattened/);
    const prio = await readFile(path.join(into, 'sections/en/09-prioritisation.md'), 'utf8');
    expect(prio).toMatch(/title: "Prioritisation of eligible cases"/);
    expect(prio.match(/^\|.*\|$/gm)).toHaveLength(4);
    expect(prio).toMatch(/\| High and very high \|\s+\|/);
    expect(await readFile(path.join(into, 'sections/en/06-guiding-principles.md'), 'utf8')).toMatch(/title: "Guiding principles"\n---\n\nDo no harm\./);
    expectOnlyTemplatesLeft(into, ['sections/en/09-prioritisation.md', 'sections/en/06-guiding-principles.md']);
  }, 60_000);

  it('--map: the edited import-map.yaml decides, imported again into a new folder (a heading moved to another component, one left unmapped)', async () => {
    const first = path.join(tmp, 'from-hand');
    const map = await readFile(path.join(first, 'import-map.yaml'), 'utf8');
    // As a user edits it: the guiding-principles part goes to component 3, the prioritisation part to none.
    const edited = map
      .replace(/(heading: "?Component 6: Guiding principles"?\n\s+component: )guiding-principles/, '$1purpose-scope')
      .replace(/(heading: "?9- Prioritisation of eligible cases"?\n\s+component: )prioritisation/, '$1null');
    expect(edited.match(/component: purpose-scope/g), map).toHaveLength(1);
    expect(edited.match(/component: null/g), map).toHaveLength(1);
    await writeFile(path.join(tmp, 'edited-map.yaml'), edited);
    const into = path.join(tmp, 'from-hand-mapped');
    const r = sopkit(['import', 'hand.docx', '--into', into, '--language', 'en', '--map', 'edited-map.yaml'], tmp);
    expect(r.code, r.stderr).toBe(0);
    // The table says the map decided, for both rows.
    expect(r.stdout).toMatch(/Component 6: Guiding principles\s+purpose-scope\s+map\s+sections\/en\/03-purpose-scope\.md/);
    expect(r.stdout).toMatch(/9- Prioritisation of eligible cases\s+—\s+map\s+imported-unmapped-en\.md/);
    expect(await readFile(path.join(into, 'sections/en/03-purpose-scope.md'), 'utf8')).toMatch(/^---\ncomponent: purpose-scope\ntitle: "Guiding principles"\n---\n\nDo no harm\./);
    // Component 6 is init's template again; the prioritisation part waits in the unmapped file, its table whole.
    expect(await readFile(path.join(into, 'sections/en/06-guiding-principles.md'), 'utf8')).toContain('TODO(sopkit)');
    const unmapped = await readFile(path.join(into, 'imported-unmapped-en.md'), 'utf8');
    expect(unmapped).toMatch(/## Prioritisation of eligible cases\n\nCases are ranked by risk\./);
    expect(unmapped.match(/^\|.*\|$/gm)).toHaveLength(4);
    // The new folder's own map records the choices, so a third import gives the same folder.
    expect(await readFile(path.join(into, 'import-map.yaml'), 'utf8')).toMatch(/heading: "?Component 6: Guiding principles"?\n\s+component: purpose-scope\n\s+confidence: 1/);
    expectOnlyTemplatesLeft(into, ['sections/en/03-purpose-scope.md']);
  }, 60_000);

  it('--map naming a component the profile does not have: exit 2, the entry named, nothing written', async () => {
    const map = await readFile(path.join(tmp, 'edited-map.yaml'), 'utf8');
    await writeFile(path.join(tmp, 'bad-map.yaml'), map.replace('component: purpose-scope', 'component: purpose-and-scope'));
    const into = path.join(tmp, 'from-bad-map');
    const r = sopkit(['import', 'hand.docx', '--into', into, '--language', 'en', '--map', 'bad-map.yaml'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use the map "bad-map\.yaml": sections\[\d\] \("Component 6: Guiding principles"\) names component "purpose-and-scope", which profile \S+ does not have/);
    await expect(readdir(into)).rejects.toThrow();
  }, 60_000);

  it('never overwrites: a second import into the same folder is refused, exit 2, nothing changed', async () => {
    const into = path.join(tmp, 'from-hand');
    const before = await readFile(path.join(into, 'sections/en/09-prioritisation.md'), 'utf8');
    const files = (await readdir(path.join(into, 'sections/en'))).sort();
    const r = sopkit(['import', 'hand.docx', '--into', into, '--language', 'en'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/import never overwrites files, and .* already has .*sections\/en\/09-prioritisation\.md/);
    expect(r.stderr).toMatch(/hint: Import into a new folder/);
    expect(await readFile(path.join(into, 'sections/en/09-prioritisation.md'), 'utf8')).toBe(before);
    expect((await readdir(path.join(into, 'sections/en'))).sort()).toEqual(files);
  }, 60_000);

  it('--profile of another family: the new SOP gets that profile\'s context (not a CPCM one) and loads', async () => {
    const out = path.join(tmp, 'coordination-out');
    const { model } = await loadDocument(path.join(ROOT, 'sop-sources/examples/coordination-manual'));
    await buildDocx(model, out);
    const into = path.join(tmp, 'coordination-back');
    const r = sopkit(['import', path.join(out, 'docx/sop-v1.0-en.docx'), '--into', into, '--language', 'en', '--profile', 'coordination-manual'], tmp);
    expect(r.code, r.stderr).toBe(0);
    const sop = await readFile(path.join(into, 'sop.yaml'), 'utf8');
    expect(sop).toMatch(/^profile: coordination-manual$/m);
    expect(sop).toMatch(/^context: centralised$/m);
    const c = sopkit(['check', into, '--no-layout', '--today', '2026-11-25', '--format', 'json'], tmp);
    expect((JSON.parse(c.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).not.toContain('schema');
  }, 120_000);
});
