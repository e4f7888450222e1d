import type { Command } from '../../vendor/commander.js';

type CommandFactory = () => Command;

/**
 * Every sopkit command, one file each, in the order `--help` lists them. A command file
 * exports `xxxCommand(): Command` that maps flags to options, calls the library API and
 * returns an exit code. Loaded lazily: `sopkit check` must not pay for importing the PDF
 * engine, the site builder and the browser-free text shaper (about a second of startup).
 */
export const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<CommandFactory>]> = [
  ['init', async () => (await import('./init.js')).initCommand],
  ['profiles', async () => (await import('./profiles.js')).profilesCommand],
  ['check', async () => (await import('./check.js')).checkCommand],
  ['build', async () => (await import('./build.js')).buildCommand],
  ['posters', async () => (await import('./posters.js')).postersCommand],
  ['stamp', async () => (await import('./stamp.js')).stampCommand],
  ['verify', async () => (await import('./verify.js')).verifyCommand],
  ['i18n', async () => (await import('./i18n.js')).i18nCommand],
  ['release', async () => (await import('./release.js')).releaseCommand],
  ['diff', async () => (await import('./diff.js')).diffCommand],
  ['review', async () => (await import('./review.js')).reviewCommand],
  ['import', async () => (await import('./import.js')).importCommand],
  ['comments', async () => (await import('./comments.js')).commentsCommand],
  ['serve', async () => (await import('./serve.js')).serveCommand],
];

/**
 * The commands needed to run `argv`: only the named one when argv names a command
 * (the common case), all of them for `--help`, no command, or a misspelt name (so
 * commander can list them and suggest the closest).
 */
export async function loadCommands(argv: readonly string[]): Promise<CommandFactory[]> {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  // `sopkit --version` needs no command at all.
  if (first === undefined && argv.slice(2).some((a) => a === '-V' || a === '--version')) return [];
  const hit = COMMANDS.find(([name]) => name === first);
  const wanted = hit && !argv.slice(2, argv.indexOf(first!)).some((a) => a === '-h' || a === '--help') ? [hit] : COMMANDS;
  return Promise.all(wanted.map(([, load]) => load()));
}
