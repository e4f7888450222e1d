import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../src/build/index.js';
import { runRules } from '../../src/check/run-check.js';
import { languageOf, loadDocument, parseStats, resetParseStats } from '../../src/document/index.js';
import { countBodyPages, diagramDiagnostics } from '../../src/layout/index.js';
import { resetYamlStats, yamlStats } from '../../src/model/yaml.js';

/**
 * One process runs what `sopkit check` and `sopkit build` (PDFs and site) run on the
 * example, through the library entry points the CLI uses, and counts the parsers: every
 * Markdown file is parsed once (the document's trees are shared by layout, site, check and
 * verify) and every YAML file once (the loader's).
 */
describe('the example is parsed once', () => {
  const out: string[] = [];
  afterAll(async () => {
    for (const d of out) await rm(d, { recursive: true, force: true });
  });

  it('check + PDFs + site: one Markdown parse per Markdown file, one YAML parse per YAML file', async () => {
    resetParseStats();
    resetYamlStats();
    const { model, diagnostics } = await loadDocument('sop-sources');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-parse-once-'));
    out.push(tmp);
    // As `sopkit check` does (its page counter and diagram-fit come from the layout).
    await runRules(model, diagnostics, { today: '2026-11-25', countBodyPages, diagramFit: diagramDiagnostics });
    // As `sopkit build --only pdf,site` does.
    await buildAll(model, { outDir: path.join(tmp, 'dist'), targets: ['pdf', 'site'] });

    const markdownFiles = [...model.sections, ...model.annexes.filter((a) => a.kind === 'markdown-annex')];
    // A component generated from sop.yaml (the signature page, `::signatures`) has no file
    // but is one more body the document parses, once per language.
    const generated = model.manifest.languages.flatMap((l) => languageOf(model, l).components.flatMap((c) => c.sections)).filter((f) => f.source.file === 'sop.yaml');
    expect(markdownFiles.length).toBeGreaterThan(20);
    expect(parseStats().markdown).toBe(markdownFiles.length + generated.length);

    const yaml = yamlStats();
    for (const f of Object.values(model.data)) expect(yaml.get(f.file), f.file).toBe(1);
    expect(Object.keys(model.data).length).toBe(6);
    expect(yaml.get('sop.yaml')).toBe(1);
    for (const f of markdownFiles) expect(yaml.get(f.file), `front-matter of ${f.file}`).toBe(1);
    const again = [...yaml].filter(([, n]) => n !== 1);
    expect(again).toEqual([]);
  });
});
