// First: how V8 compiles everything loaded after this line (see ../v8-flags.ts).
import '../v8-flags.js';
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from '../vendor/commander.js';
import { PACKAGE_ROOT } from '../paths.js';
import { loadCommands } from './commands/index.js';

const pkg = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string };

/** Builds the `sopkit` program for `argv`; exported so tests can drive it without a subprocess. */
export async function createProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('sopkit')
    .description('Build, check and print inter-agency Standard Operating Procedures (Markdown + YAML → site, PDFs, posters).')
    .version(pkg.version, '-V, --version', 'print the sopkit version')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const make of await loadCommands(argv)) {
    // addCommand() does not pass these settings down, so every command gets them here.
    const cmd = make().exitOverride().showHelpAfterError('(run with --help for usage)').showSuggestionAfterError(true);
    program.addCommand(cmd);
  }
  program.exitOverride();
  return program;
}

async function main(): Promise<void> {
  const program = await createProgram(process.argv);
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Usage errors (unknown flag, missing argument) exit 2; --help and --version exit 0.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    throw e;
  }
}

await main();
