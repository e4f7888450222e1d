/**
 * External programs some tests need (qpdf, poppler-utils, Chromium, pandoc, LibreOffice). A test that needs one
 * skips only by saying so: `it.skipIf(missingTool('qpdf'))(…)`, and the reason is printed
 * once per file. In CI (`CI` set; .ci/run installs all of them) a missing tool is a failure,
 * never a skip: the file stops with the install command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TOOLS = {
  qpdf: { probe: ['qpdf', '--version'], install: 'apt-get install -y qpdf' },
  pdftoppm: { probe: ['pdftoppm', '-v'], install: 'apt-get install -y poppler-utils' },
  pdftotext: { probe: ['pdftotext', '-v'], install: 'apt-get install -y poppler-utils' },
  pdfimages: { probe: ['pdfimages', '-v'], install: 'apt-get install -y poppler-utils' },
  chromium: { probe: ['/usr/bin/chromium'], install: 'apt-get install -y chromium' },
  pandoc: { probe: ['pandoc', '--version'], install: 'apt-get install -y pandoc' },
  soffice: { probe: ['soffice', '--version'], install: 'apt-get install -y libreoffice-writer-nogui' },
} as const;

export type Tool = keyof typeof TOOLS;

const found = new Map<Tool, boolean>();
const warned = new Set<Tool>();

function present(tool: Tool): boolean {
  let ok = found.get(tool);
  if (ok === undefined) {
    const [cmd, ...args] = TOOLS[tool].probe;
    // A path is looked for (starting Chromium only to ask its version costs a second).
    ok = cmd.startsWith('/') ? existsSync(cmd) : spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
    found.set(tool, ok);
  }
  return ok;
}

/**
 * Why tests needing `tool` cannot run here (printed once), or undefined when it is
 * installed. Throws in CI, where a missing tool means the setup is broken.
 */
export function missingTool(tool: Tool): string | undefined {
  if (present(tool)) return undefined;
  const reason = `${tool} is not installed: tests that need it are skipped (install it with: ${TOOLS[tool].install})`;
  if (process.env.CI) throw new Error(`${tool} is not installed, and CI must run every test (${TOOLS[tool].install})`);
  if (!warned.has(tool)) {
    warned.add(tool);
    console.warn(`SKIP: ${reason}`);
  }
  return reason;
}
