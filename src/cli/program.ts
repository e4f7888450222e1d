// The `sopkit` program (commands, options, usage-error settings), apart from main.ts so
// tests can parse command lines with it without running anything.
import { readFileSync } from 'node:fs';
import { Command } from '../vendor/commander.js';
import { PACKAGE_ROOT } from '../paths.js';
import { loadCommands } from './commands/index.js';
import { helpPointer, setCurrentCommand } from './usage.js';

const pkg = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string };

/** Builds the `sopkit` program for `argv`; exported so tests can drive it without a subprocess. */
export async function createProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('sopkit')
    .description('Build, check and print inter-agency Standard Operating Procedures (Markdown + YAML → site, PDFs, posters).')
    .version(pkg.version, '-V, --version', 'print the sopkit version')
    .showHelpAfterError('(run `sopkit --help` for usage)')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const make of await loadCommands(argv)) program.addCommand(make());
  // addCommand() does not pass these settings down, so every command and subcommand gets
  // them here: usage errors reach main() (exit 2), each with a pointer to its own --help.
  const configure = (cmd: Command) => {
    cmd.exitOverride().showSuggestionAfterError(true).configureOutput({ outputError: (str, write) => write(str) });
    if (cmd !== program) cmd.showHelpAfterError(helpPointer(cmd));
    for (const sub of cmd.commands) configure(sub);
  };
  configure(program);
  // Hints name the command being run (`sopkit build my-sop`, not always `sopkit check`).
  program.hook('preAction', (_root, action) => setCurrentCommand(action));
  return program;
}

