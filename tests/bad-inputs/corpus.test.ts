// The bad-input corpus (tests/bad-inputs/README.md): every case drives the real CLI in a
// throw-away folder and proves three things: the exit code and message are the ones the
// case names, nothing crashed (no exit 70, no stack trace), and no file was lost or changed
// outside what the case allows — hashed before and after, in the SOP and in a decoy folder.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseFiles, synced } from '../check/fixture.js';
import { ensureBuilt, ROOT, sopkit, STACK } from '../cli/cli.js';

/** `repeat`: `before` + `repeat` written `times` times + `after` (inputs too long to write out, e.g. 10,000 nested quotes). */
type Repeat = { repeat: string; times: number; before?: string; after?: string };
type FileChange = string | null | { symlink: string } | { base64: string } | { utf16le: string } | Repeat;

interface BadInputCase {
  title: string;
  issue?: number;
  sop?: 'mini' | 'example' | 'none';
  files?: Record<string, FileChange>;
  setup?: string[][];
  /** Changes to sop/ after `setup` (e.g. damage a release the setup made). */
  after_setup?: Record<string, FileChange>;
  cwd?: 'tmp' | 'sop' | 'decoy';
  run: string[];
  exit: number;
  stderr?: string;
  stdout?: string;
  output?: string;
  changes?: string[];
  /** Environment variables for the run (placeholders filled), e.g. HOME: "{decoy}". */
  env?: Record<string, string>;
  /** Paths (placeholders filled) that must not exist after the run / must exist after it. */
  gone?: string[];
  present?: string[];
}

const CASES_DIR = path.join(ROOT, 'tests/bad-inputs/cases');
const cases = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, spec: parse(readFileSync(path.join(CASES_DIR, f), 'utf8')) as BadInputCase }));

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Every file and link under `dir` → sha256 of its bytes (or of the link's target text). */
export function hashTree(dir: string, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return;
    }
    const posix = rel.split(path.sep).join('/');
    if (rel && skip.some((p) => `${posix}/`.startsWith(p) || posix === p.replace(/\/$/, ''))) return;
    if (st.isSymbolicLink()) out.set(posix, `link:${readlinkSync(abs)}`);
    else if (st.isDirectory()) {
      if (rel) out.set(`${posix}/`, 'dir');
      for (const e of readdirSync(abs)) walk(path.join(rel, e));
    } else out.set(posix, createHash('sha256').update(readFileSync(abs)).digest('hex'));
  };
  walk('');
  return out;
}

function writeChanges(dir: string, files: Record<string, FileChange>): void {
  for (const [rel, change] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (change === null) {
      rmSync(abs, { recursive: true, force: true });
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    rmSync(abs, { recursive: true, force: true });
    if (typeof change === 'string') writeFileSync(abs, change);
    else if ('symlink' in change) symlinkSync(change.symlink, abs);
    else if ('base64' in change) writeFileSync(abs, Buffer.from(change.base64, 'base64'));
    else if ('repeat' in change) writeFileSync(abs, `${change.before ?? ''}${change.repeat.repeat(change.times)}${change.after ?? ''}`);
    else writeFileSync(abs, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(change.utf16le, 'utf16le')]));
  }
}

function makeWorld(spec: BadInputCase): { tmp: string; sop: string; decoy: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sopkit-bad-'));
  made.push(tmp);
  const sop = path.join(tmp, 'sop');
  const decoy = path.join(tmp, 'decoy');
  mkdirSync(sop);
  mkdirSync(path.join(decoy, 'docs'), { recursive: true });
  writeFileSync(path.join(decoy, 'notes.txt'), 'meeting notes: do not delete\n');
  writeFileSync(path.join(decoy, 'docs/report.docx'), Buffer.from('PK\u0003\u0004 not really a docx'));
  const kind = spec.sop ?? 'mini';
  if (kind === 'mini') {
    for (const [rel, content] of Object.entries(synced(baseFiles()))) {
      mkdirSync(path.dirname(path.join(sop, rel)), { recursive: true });
      writeFileSync(path.join(sop, rel), content);
    }
  } else if (kind === 'example') {
    cpSync(path.join(ROOT, 'sop-sources'), sop, {
      recursive: true,
      filter: (src) => !/[\\/](dist|releases)([\\/]|$)/.test(path.relative(ROOT, src)),
    });
  }
  writeChanges(sop, spec.files ?? {});
  return { tmp, sop, decoy };
}

const fill = (args: string[], w: { tmp: string; sop: string; decoy: string }) =>
  args.map((a) => a.replaceAll('{sop}', w.sop).replaceAll('{decoy}', w.decoy).replaceAll('{tmp}', w.tmp));

describe('bad-input corpus', () => {
  ensureBuilt();
  it('holds at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const { file, spec } of cases) {
    it(`${file}: ${spec.title}`, () => {
      const w = makeWorld(spec);
      for (const step of spec.setup ?? []) {
        const r = sopkit(fill(step, w), w.tmp);
        expect(r.code, `setup ${step.join(' ')} failed:\n${r.stdout}${r.stderr}`).toBe(0);
      }
      writeChanges(w.sop, spec.after_setup ?? {});
      const allowed = spec.changes ?? ['dist/'];
      const sopBefore = hashTree(w.sop, allowed);
      const decoyBefore = hashTree(w.decoy);
      const cwd = spec.cwd === 'sop' ? w.sop : spec.cwd === 'decoy' ? w.decoy : w.tmp;
      const saved = Object.fromEntries(Object.keys(spec.env ?? {}).map((k) => [k, process.env[k]]));
      for (const [k, v] of Object.entries(spec.env ?? {})) process.env[k] = fill([v], w)[0];
      let r: ReturnType<typeof sopkit>;
      try {
        r = sopkit(fill(spec.run, w), cwd);
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      const shown = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
      expect(r.code, shown).not.toBe(70);
      expect(r.code, shown).toBe(spec.exit);
      expect(`${r.stdout}${r.stderr}`, shown).not.toMatch(STACK);
      expect(`${r.stdout}${r.stderr}`, shown).not.toMatch(/internal error|a bug in sopkit/i);
      if (spec.stderr) expect(r.stderr, shown).toMatch(new RegExp(spec.stderr, 'i'));
      if (spec.stdout) expect(r.stdout, shown).toMatch(new RegExp(spec.stdout, 'i'));
      if (spec.output) expect(`${r.stdout}${r.stderr}`, shown).toMatch(new RegExp(spec.output, 'i'));
      expect(Object.fromEntries(hashTree(w.sop, allowed)), 'the SOP folder changed').toEqual(Object.fromEntries(sopBefore));
      expect(Object.fromEntries(hashTree(w.decoy)), 'the decoy folder changed').toEqual(Object.fromEntries(decoyBefore));
      for (const p of fill(spec.gone ?? [], w)) expect(existsSync(p), `${p} should be gone`).toBe(false);
      for (const p of fill(spec.present ?? [], w)) expect(existsSync(p), `${p} should exist`).toBe(true);
    });
  }
});
