import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { toPosix } from '../../src/fs/index.js';
import { pageHeader } from '../../src/i18n/index.js';
import type { Manifest } from '../../src/model/types.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';
import { makePdf } from './helpers.js';

const en = pageHeader({ title: { en: 'Test SOP' }, version: '1.0', date: '2026-11-01', languages: ['en'] } as unknown as Manifest, 'en');

/**
 * Runs `sopkit verify ARGS` in-process (paths made absolute against `base`, since
 * worker processes may not chdir); returns exit code and what was printed, with the
 * fixture folder shown as `<dir>`.
 */
async function run(base: string, ...args: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  const abs = args.map((a, i) => (a.startsWith('-') || ['--format'].includes(args[i - 1] ?? '') ? a : path.resolve(base, a)));
  try {
    await verifyCommand().exitOverride().parseAsync(['node', 'verify', ...abs]);
  } finally {
    vi.restoreAllMocks();
  }
  const shown = toPosix(path.relative(process.cwd(), base));
  out = out.split(shown).join('<dir>');
  err = err.split(shown).join('<dir>');
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out, err };
}

describe('sopkit verify (command)', () => {
  let dir: string;
  beforeEach(async () => {
    const good = await makePdf([{ header: [en.title, en.stamp] }, { header: [en.title, en.stamp] }]);
    const bad = await makePdf([{ header: [en.title, en.stamp] }, { body: ['no header'] }]);
    dir = await writeFixture({ 'sop.yaml': manifestYaml(), 'dist/pdf/sop-v1.0-en.pdf': good, 'bad/sop-v1.0-en.pdf': bad, 'junk/sop-v1.0-en.pdf': 'hello' });
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('exits 0 and says so when every page has the header', async () => {
    const r = await run(dir, 'dist');
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ <dir>/dist/pdf/sop-v1.0-en.pdf: 2 pages checked');
  });

  it('exits 1 and names the page without the header', async () => {
    const r = await run(dir, 'bad/sop-v1.0-en.pdf', '--dir', '.');
    expect(r.code).toBe(1);
    expect(r.out).toContain('page 2 of <dir>/bad/sop-v1.0-en.pdf has no header');
  });

  it('writes JSON with --format json', async () => {
    const r = await run(dir, 'bad', '--dir', '.', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].failures[0].page).toBe(2);
  });

  it('exits 2 with a hint and no stack trace for a file that is not a PDF', async () => {
    const r = await run(dir, 'junk/sop-v1.0-en.pdf', '--dir', '.');
    expect(r.code).toBe(2);
    expect(r.out).toContain('is not a PDF file');
    expect(r.out).toContain('hint:');
    expect(r.out + r.err).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('exits 2 for a missing file, with the message on stderr', async () => {
    const r = await run(dir, 'nothing.pdf');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing.pdf does not exist');
  });
});
