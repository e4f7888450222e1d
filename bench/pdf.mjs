#!/usr/bin/env node
/**
 * PDF benchmark. Builds the bench corpus (a 40-page Arabic document made from the seeds,
 * and a 14-page English one) with sopkit and with whichever peers are installed
 * (WeasyPrint, Chromium print-to-PDF, Typst through its Node compiler, Pandoc → WeasyPrint, Pandoc → Typst, Pandoc →
 * XeLaTeX), and reports from ONE run: median whole-process wall time over N runs, page
 * count, file size, peak RSS, how much of the text an extractor gives back in source
 * order (src/verify/word-order.ts), and the time ratios sopkit/peer.
 *
 *   node bench/pdf.mjs [--runs N] [--docs ar,en] [--engines sopkit,weasyprint,...] [--json FILE] [--keep DIR]
 *
 * Needs `npm run build` first (it imports lib/). Installs nothing: a missing peer is
 * skipped with a note. The corpus is `$SOPKIT_BENCH_CORPUS`, else `../shared/bench-corpus`
 * beside the checkout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = { runs: Number(process.env.SOPKIT_BENCH_RUNS ?? 5), docs: ['ar', 'en'], engines: undefined, json: undefined, keep: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--docs') o.docs = next().split(',');
    else if (a === '--engines') o.engines = next().split(',');
    else if (a === '--json') o.json = next();
    else if (a === '--keep') o.keep = next();
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node bench/pdf.mjs [--runs N] [--docs ar,en] [--engines sopkit,weasyprint,chromium,typst,pandoc-weasyprint,pandoc-typst,pandoc-xelatex] [--json FILE] [--keep DIR]\n');
      process.exit(0);
    } else fail(`unknown option ${a} (try --help)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) fail('--runs must be a whole number ≥ 1');
  return o;
}

function fail(message, code = 2) {
  process.stderr.write(`bench/pdf: ${message}\n`);
  process.exit(code);
}

const opts = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- inputs
const CORPUS = path.resolve(process.env.SOPKIT_BENCH_CORPUS ?? path.join(REPO, '..', 'shared', 'bench-corpus'));
if (!existsSync(path.join(CORPUS, 'ar', 'all.md'))) {
  fail(`no bench corpus at ${CORPUS} (expected ar/all.md there). Set SOPKIT_BENCH_CORPUS to the folder that holds ar/ and en/.`);
}
if (!existsSync(path.join(REPO, 'lib', 'verify', 'index.js'))) fail('lib/ is missing or out of date: run `npm run build` first (bench/run.mjs does).');

const WORK = opts.keep ? path.resolve(opts.keep) : mkdtempSync(path.join(os.tmpdir(), 'sopkit-bench-'));
mkdirSync(WORK, { recursive: true });

/**
 * The sopkit that is timed: a snapshot of the compiled package (bin, lib, schemas,
 * templates; node_modules linked), so every run times the same code even when lib/ is
 * rebuilt in the checkout while the bench runs.
 */
const SOPKIT = path.join(WORK, 'sopkit');
rmSync(SOPKIT, { recursive: true, force: true });
for (const p of ['bin', 'lib', 'schemas', 'templates', 'package.json', 'bench/sopkit-pdfs.mjs', 'bench/typst.mjs']) cpSync(path.join(REPO, p), path.join(SOPKIT, p), { recursive: true });
symlinkSync(path.join(REPO, 'node_modules'), path.join(SOPKIT, 'node_modules'), 'dir');
const verifyLib = await import(pathToFileURL(path.join(SOPKIT, 'lib', 'verify', 'index.js')).href);
// The source-word functions read a Markdown tree (the document stage's parse), not text.
const documentLib = await import(pathToFileURL(path.join(SOPKIT, 'lib', 'document', 'index.js')).href);
const YAML = (await import('yaml')).default;

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v "$0"`, cmd], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').find((l) => l.trim())?.trim() ?? '?';
}

/** The folders of the Noto TTF files sopkit embeds (from node_modules). */
function fontDirs() {
  return ['noto-naskh-arabic', 'noto-serif', 'noto-sans'].map((f) => path.dirname(require.resolve(`@expo-google-fonts/${f}/package.json`)));
}

/** The corpus document of one language as Typst markup (bench/typst.mjs), written once into WORK. */
async function typstSource(lang) {
  const file = path.join(WORK, `typst-${lang}.typ`);
  if (existsSync(file)) return;
  const { markdownToTypst } = await import(pathToFileURL(path.join(SOPKIT, 'bench', 'typst.mjs')).href);
  const doc = splitFrontMatter(readFileSync(path.join(CORPUS, lang, 'all.md'), 'utf8'));
  writeFileSync(file, markdownToTypst(doc.body, { lang, title: String(doc.data.title ?? ''), parseMarkdown: documentLib.parseBody }));
}

/**
 * Peers find fonts through fontconfig. The corpus CSS asks for Amiri, then Noto Naskh
 * Arabic / Noto Serif; pointing fontconfig at the very TTF files sopkit embeds (from
 * node_modules) makes every engine set the same faces, without installing anything.
 */
function fontconfigEnv() {
  const dirs = fontDirs()
    .map((d) => `  <dir>${d}</dir>`)
    .join('\n');
  const conf = path.join(WORK, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${dirs}\n  <cachedir>${path.join(WORK, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`);
  return { ...process.env, FONTCONFIG_FILE: conf };
}

// ---------------------------------------------------------------- corpus → SOP folder
function splitFrontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? { data: YAML.parse(m[1]) ?? {}, body: text.slice(m[0].length) } : { data: {}, body: text };
}

/**
 * A throw-away SOP folder from one corpus language: sop.yaml (version 2.1, 2026-11-22,
 * context development, profile cpcm-interagency, one language) and the corpus's section
 * files with their `component: N` rewritten to the profile's component ids.
 */
function makeSopFolder(lang) {
  const src = path.join(CORPUS, lang);
  const dir = path.join(WORK, `sop-${lang}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'sections', lang), { recursive: true });
  const profile = YAML.parse(readFileSync(path.join(REPO, 'templates', 'profiles', 'cpcm-interagency.yaml'), 'utf8'));
  const ids = new Map(profile.components.map((c) => [c.n, c.id]));
  const doc = splitFrontMatter(readFileSync(path.join(src, 'all.md'), 'utf8'));
  const files = readdirSync(src).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
  for (const f of files) {
    const { data, body } = splitFrontMatter(readFileSync(path.join(src, f), 'utf8'));
    const id = ids.get(Number(data.component));
    if (!id) fail(`${lang}/${f}: component ${data.component} is not in the cpcm-interagency profile`);
    writeFileSync(path.join(dir, 'sections', lang, f), `---\n${YAML.stringify({ component: id, title: String(data.title ?? f) }).trim()}\n---\n${body}`);
  }
  const manifest = {
    title: { [lang]: String(doc.data.title ?? 'Benchmark SOP') },
    version: '2.1',
    date: '2026-11-22',
    status: 'final',
    context: 'development',
    profile: 'cpcm-interagency',
    languages: [lang],
    review: { last: '2026-11-01', interval_months: 6 },
    agencies: [{ id: 'bench', name: { [lang]: lang === 'ar' ? 'وكالة القياس' : 'Benchmark agency' } }],
  };
  writeFileSync(path.join(dir, 'sop.yaml'), YAML.stringify(manifest));
  const tree = documentLib.parseBody(doc.body);
  return { dir, sections: files.length, source: verifyLib.markdownWords(tree), notes: verifyLib.markdownFootnotes(tree) };
}

// ---------------------------------------------------------------- engines
const chromiumBin = process.env.CHROMIUM ?? ['chromium', 'chromium-browser', 'google-chrome'].map(which).find(Boolean);
const pandocBin = which('pandoc');
const weasyBin = which('weasyprint');
const typstBin = which('typst');
const xelatexBin = which('xelatex');
const typstNode = (() => {
  try {
    return { version: require('@myriaddreamin/typst-ts-node-compiler/package.json').version };
  } catch {
    return undefined;
  }
})();
const pandocFormats = pandocBin ? spawnSync(pandocBin, ['--list-output-formats'], { encoding: 'utf8' }).stdout.split('\n') : [];

/** Is the `build` command wired into the CLI? (Else the sopkit rows are skipped.) */
function buildCommandWired() {
  const r = spawnSync(process.execPath, [path.join(SOPKIT, 'bin', 'sopkit.js'), 'build', '--help'], { encoding: 'utf8' });
  return r.status === 0 && /sopkit build/.test(r.stdout);
}

/**
 * Every engine: `available` (or why not), the command for one run writing `out`, and
 * what to clean between runs. Times are of the whole process, start-up included.
 */
function engines(lang, sop) {
  const html = path.join(CORPUS, lang, 'all.html');
  const md = path.join(CORPUS, lang, 'all.md');
  const head = path.join(CORPUS, lang, 'print-head.html');
  const fc = fontconfigEnv();
  const out = (name) => path.join(WORK, 'out', lang, `${name}.pdf`);
  const wired = buildCommandWired();
  const sopkitBuildOut = path.join(sop.dir, 'dist', 'pdf', `sop-v2.1-${lang}.pdf`);
  const sopkitPdfsDir = path.join(WORK, 'out', lang, 'sopkit-pdfs');
  return [
    {
      name: 'sopkit build',
      key: 'sopkit',
      sopkit: true,
      what: 'node bin/sopkit.js build <sop> (site + PDFs + posters)',
      available: wired ? true : 'the `build` command is not wired into the CLI yet',
      output: sopkitBuildOut,
      clean: () => rmSync(path.join(sop.dir, 'dist'), { recursive: true, force: true }),
      // Cold: --no-cache, or every run after the warm-up would reuse the first one's outputs.
      cmd: [process.execPath, [path.join(SOPKIT, 'bin', 'sopkit.js'), 'build', sop.dir, '--no-cache']],
      env: process.env,
    },
    {
      name: 'sopkit build, unchanged (cache)',
      key: 'sopkit',
      sopkit: true,
      // A second build with nothing changed: the warm-up run fills the bench's own cache
      // folder, every timed run reuses it (docs/cache.md).
      what: 'node bin/sopkit.js build <sop> again, sources unchanged (build cache hit)',
      available: wired ? true : 'the `build` command is not wired into the CLI yet',
      output: sopkitBuildOut,
      clean: () => rmSync(path.join(sop.dir, 'dist'), { recursive: true, force: true }),
      cmd: [process.execPath, [path.join(SOPKIT, 'bin', 'sopkit.js'), 'build', sop.dir]],
      env: { ...process.env, SOPKIT_CACHE_DIR: path.join(WORK, 'cache') },
    },
    {
      name: 'sopkit PDFs only',
      key: 'sopkit',
      sopkit: true,
      // The real CLI, as a user runs it, with the PDFs as its only target (the peers too
      // write one PDF): load + validate the SOP, lay out, write the SOP PDF and its pack
      // into a staging folder, swap it in.
      what: 'node bin/sopkit.js build <sop> --only pdf --quiet -o <out> (SOP PDF + pack)',
      available: wired ? true : 'the `build` command is not wired into the CLI yet',
      output: path.join(sopkitPdfsDir, 'pdf', `sop-v2.1-${lang}.pdf`),
      clean: () => rmSync(sopkitPdfsDir, { recursive: true, force: true }),
      cmd: [process.execPath, [path.join(SOPKIT, 'bin', 'sopkit.js'), 'build', sop.dir, '--only', 'pdf', '--quiet', '--no-cache', '-o', sopkitPdfsDir]],
      env: process.env,
    },
    {
      name: 'WeasyPrint',
      key: 'weasyprint',
      what: 'weasyprint all.html',
      available: weasyBin ? true : 'weasyprint is not installed (Debian: apt-get install weasyprint)',
      version: weasyBin && firstLine(weasyBin, ['--version']),
      output: out('weasyprint'),
      cmd: [weasyBin, [html, out('weasyprint')]],
      env: fc,
    },
    {
      name: 'Chromium',
      key: 'chromium',
      what: 'chromium --headless --print-to-pdf all.html',
      available: chromiumBin ? true : 'chromium is not installed (Debian: apt-get install chromium)',
      version: chromiumBin && firstLine(chromiumBin, ['--version']),
      output: out('chromium'),
      cmd: [chromiumBin, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(WORK, 'chromium-profile')}`, `--print-to-pdf=${out('chromium')}`, pathToFileURL(html).href]],
      env: fc,
    },
    {
      name: 'Pandoc → WeasyPrint',
      key: 'pandoc-weasyprint',
      what: 'pandoc -s -H print-head.html all.md --pdf-engine=weasyprint',
      available: !pandocBin ? 'pandoc is not installed' : !weasyBin ? 'pandoc needs weasyprint as its PDF engine here' : true,
      version: pandocBin && firstLine(pandocBin, ['--version']),
      output: out('pandoc-weasyprint'),
      cmd: [pandocBin, ['-s', '-H', head, md, '-t', 'html5', '--pdf-engine=weasyprint', '-o', out('pandoc-weasyprint')]],
      env: fc,
    },
    {
      name: 'Typst (Node compiler)',
      key: 'typst',
      // Typst 0.14 through its Node binding, one whole process per run like the other
      // peers (bench/typst.mjs): the corpus Markdown is turned into Typst markup once,
      // untimed; each run reads that file, compiles it and writes the PDF.
      what: 'node bench/typst.mjs all.typ out.pdf FONTDIRS (@myriaddreamin/typst-ts-node-compiler)',
      available: typstNode ? true : 'the dev dependency @myriaddreamin/typst-ts-node-compiler is not installed',
      version: typstNode && `typst-ts-node-compiler ${typstNode.version}`,
      output: out('typst'),
      prepare: () => typstSource(lang),
      cmd: [process.execPath, [path.join(SOPKIT, 'bench', 'typst.mjs'), path.join(WORK, `typst-${lang}.typ`), out('typst'), ...fontDirs()]],
      env: process.env,
    },
    {
      name: 'Pandoc → Typst',
      key: 'pandoc-typst',
      what: 'pandoc all.md --pdf-engine=typst',
      available: !typstBin ? 'typst is not installed (not packaged in Debian 12)' : !pandocFormats.includes('typst') ? 'this pandoc has no typst writer (needs pandoc ≥ 3.1.2)' : true,
      version: typstBin && firstLine(typstBin, ['--version']),
      output: out('pandoc-typst'),
      cmd: [pandocBin, [md, '-t', 'typst', '--pdf-engine=typst', '-V', `mainfont=${lang === 'ar' ? 'Noto Naskh Arabic' : 'Noto Serif'}`, '-o', out('pandoc-typst')]],
      env: fc,
    },
    {
      name: 'Pandoc → XeLaTeX',
      key: 'pandoc-xelatex',
      what: 'pandoc all.md --pdf-engine=xelatex',
      available: !xelatexBin ? 'xelatex is not installed (Debian: texlive-xetex, ~1 GB)' : !pandocBin ? 'pandoc is not installed' : true,
      version: xelatexBin && firstLine(xelatexBin, ['--version']),
      output: out('pandoc-xelatex'),
      cmd: [pandocBin, [md, '--pdf-engine=xelatex', '-V', `mainfont=${lang === 'ar' ? 'Noto Naskh Arabic' : 'Noto Serif'}`, '-V', 'geometry:a4paper', '-o', out('pandoc-xelatex')]],
      env: fc,
    },
  ].filter((e) => !opts.engines || opts.engines.includes(e.key) || opts.engines.includes(e.name));
}

// ---------------------------------------------------------------- measuring
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * One run of one engine: wall ms of the whole process; with GNU time also CPU time
 * (user + system, children included: Chromium's renderer and GPU processes count) and
 * peak RSS (KB, of the largest single process). CPU time is the steadier figure when
 * other work shares the machine.
 */
function runOnce(e) {
  e.clean?.();
  rmSync(e.output, { force: true });
  // sopkit makes its own output folder and refuses one it did not make (the output guard).
  if (!e.sopkit) mkdirSync(path.dirname(e.output), { recursive: true });
  const [cmd, args] = e.cmd;
  const rssFile = path.join(WORK, 'rss.txt');
  const [file, argv] = timeBin ? [timeBin, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { env: e.env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !existsSync(e.output)) {
    const tail = `${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${e.name} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}): ${tail || 'no output file'}`);
  }
  // GNU time may print a line about the exit status first; the figures are on the last line.
  const fig = timeBin && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number) : [];
  const [rss, user, sys] = fig.length === 3 && fig.every(Number.isFinite) ? fig : [];
  return { ms, rss, cpu: user === undefined ? undefined : (user + sys) * 1000 };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pdfinfoPages(file) {
  if (!which('pdfinfo')) return undefined;
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Words given back in source order: pdf.js over the whole document and per page; pdftotext over the whole document. */
async function wordOrder(file, source, notes = []) {
  const pages = await verifyLib.readPdfText(readFileSync(file), path.basename(file));
  const pageWords = pages.map((p) => verifyLib.toWords(verifyLib.pageText(p)));
  // Footnotes float: engines set them at the page foot or at the end (see wordOrderReport).
  const report = verifyLib.wordOrderReport(source, pageWords, { floating: notes });
  const doc = report.document;
  const per = report.pages.filter((p) => p.scored).map((p) => p.fraction);
  let pdftotext;
  if (which('pdftotext')) {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status === 0) pdftotext = verifyLib.wordOrderScore(source, verifyLib.toWords(r.stdout)).fraction;
  }
  return {
    pdfjsPages: pages.length,
    pdfjsDoc: doc.fraction,
    pageMedian: per.length ? median(per) : undefined,
    pageMin: per.length ? Math.min(...per) : undefined,
    pagesScored: per.length,
    pdftotextDoc: pdftotext,
  };
}

// ---------------------------------------------------------------- report
const pct = (x) => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
const secs = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const kb = (n) => (n === undefined ? '–' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${Math.round(n / 1024)} KB`);
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(rows) {
  const head = ['engine', 'median', 'min', 'max', 'CPU', 'pages', 'size', 'peak RSS', 'pdf.js doc', 'page med', 'page min', 'pdftotext', 'sopkit/peer', 'CPU ratio'];
  const body = rows.map((r) => [r.name, secs(r.median), secs(r.min), secs(r.max), secs(r.cpu), String(r.pages ?? '–'), kb(r.size), r.rss ? kb(r.rss * 1024) : '–', pct(r.words?.pdfjsDoc), r.words?.pagesScored ? `${pct(r.words.pageMedian)} (${r.words.pagesScored})` : '–', pct(r.words?.pageMin), pct(r.words?.pdftotextDoc), r.ratio ?? '', r.cpuRatio ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------- main
const results = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` }, runs: opts.runs, corpus: path.relative(REPO, CORPUS) || '.', docs: {} };
process.stdout.write(`sopkit PDF benchmark — ${results.machine.cpus} cores (${results.machine.cpu}), Node ${process.version}, ${opts.runs} timed runs per engine after 1 warm-up\n`);
process.stdout.write(`corpus: ${CORPUS}\n`);
let failures = 0;
for (const lang of opts.docs) {
  if (!existsSync(path.join(CORPUS, lang, 'all.md'))) {
    process.stdout.write(`\n(${lang}: no ${lang}/all.md in the corpus, skipped)\n`);
    continue;
  }
  const sop = makeSopFolder(lang);
  process.stdout.write(`\n== ${lang}/all.md: ${sop.sections} section files, ${sop.source.length} words (sopkit builds them from a temporary SOP folder)\n`);
  const rows = [];
  const notes = [];
  const active = [];
  for (const e of engines(lang, sop)) {
    if (e.available === true && e.prepare) await e.prepare();
    if (e.available !== true) notes.push(`${e.name}: skipped, ${e.available}`);
    else active.push({ e, runs: [], row: { name: e.name, key: e.key, sopkit: Boolean(e.sopkit), what: e.what, version: e.version } });
  }
  const failed = (a, err) => {
    failures++;
    a.failed = true;
    notes.push(`${a.e.name}: FAILED — ${err.message}`);
  };
  // One warm-up each (disk cache, fontconfig cache, Chromium profile), then the timed
  // runs round-robin, so a burst of load from elsewhere on the machine hits every
  // engine alike instead of one engine's whole series.
  for (const a of active) {
    try {
      runOnce(a.e);
    } catch (err) {
      failed(a, err);
    }
  }
  const load0 = os.loadavg()[0];
  for (let i = 0; i < opts.runs; i++) {
    for (const a of active) {
      if (a.failed) continue;
      try {
        a.runs.push(runOnce(a.e));
      } catch (err) {
        failed(a, err);
      }
    }
  }
  const load1 = os.loadavg()[0];
  process.stdout.write(`  load average (1 min) ${load0.toFixed(2)} before the timed runs, ${load1.toFixed(2)} after\n`);
  for (const a of active) {
    if (a.failed) continue;
    const { e, runs, row } = a;
    row.times = runs.map((r) => Math.round(r.ms));
    row.median = median(runs.map((r) => r.ms));
    row.min = Math.min(...runs.map((r) => r.ms));
    row.max = Math.max(...runs.map((r) => r.ms));
    row.rss = runs.every((r) => r.rss) ? Math.max(...runs.map((r) => r.rss)) : undefined;
    row.cpu = runs.every((r) => r.cpu !== undefined) ? median(runs.map((r) => r.cpu)) : undefined;
    row.size = statSync(e.output).size;
    row.words = await wordOrder(e.output, sop.source, sop.notes);
    row.pages = pdfinfoPages(e.output) ?? row.words.pdfjsPages;
    if (e.sopkit) {
      // sopkit's own promise (R3): every page carries the header. The peers print the
      // corpus's own header, not sopkit's, so this applies to sopkit rows only.
      const v = await verifyLib.verifyPdfs(e.output, { dir: sop.dir, cwd: WORK });
      const f = v.files[0];
      row.verify = v.exitCode === 0 ? `header on all ${f.pages} pages` : `FAILED: ${f.error?.message ?? f.problems[0] ?? f.failures[0]?.message}${f.failures.length > 1 ? ` (+${f.failures.length - 1} pages)` : ''}`;
      notes.push(`${e.name}: sopkit verify — ${row.verify}`);
    }
    if (opts.keep) {
      const keep = path.join(WORK, 'out', lang, 'kept', `${e.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.pdf`);
      mkdirSync(path.dirname(keep), { recursive: true });
      writeFileSync(keep, readFileSync(e.output));
    }
    rows.push(row);
    process.stdout.write(`  ${e.name}: ${row.times.join(', ')} ms\n`);
  }
  results.docs[lang] = { loadavg: [load0, load1] };
  // Ratios against the sopkit row that does the most comparable work: PDFs only when it ran, else the full build.
  const ref = rows.find((r) => r.name === 'sopkit PDFs only') ?? rows.find((r) => r.sopkit && !r.name.includes('cache'));
  for (const r of rows) {
    if (!ref || r.sopkit) continue;
    r.ratio = (ref.median / r.median).toFixed(2);
    if (ref.cpu !== undefined && r.cpu) r.cpuRatio = (ref.cpu / r.cpu).toFixed(2);
  }
  process.stdout.write(`\n${table(rows)}\n`);
  if (ref) process.stdout.write(`sopkit/peer = median wall time of "${ref.name}" / the peer's; CPU ratio the same for CPU time (below 1: sopkit is faster)\n`);
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  results.docs[lang] = { ...results.docs[lang], words: sop.source.length, sections: sop.sections, reference: ref?.name, engines: rows, notes };
}
process.stdout.write(`\ntimes: whole process, wall clock (median, min, max of the timed runs); CPU: median user + system time, child processes included; peak RSS: largest single process (GNU time %M); words in order: source words recovered in order (LCS), pdf.js over the whole document, per body page (median over the N pages scored, min; a page is scored when most of its words come from one stretch of the source, so garbled pages are left out), and pdftotext over the whole document.\n`);
process.stdout.write(`peers use the same Noto TTF files as sopkit (fontconfig pointed at node_modules); outputs in ${opts.keep ? WORK : '(temporary folder, removed; use --keep DIR)'}\n`);
if (opts.json) writeFileSync(path.resolve(opts.json), JSON.stringify(results, null, 2) + '\n');
if (!opts.keep) rmSync(WORK, { recursive: true, force: true });
process.exitCode = failures ? 1 : 0;
