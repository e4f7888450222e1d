// The program itself: parse argv, run the command. main.ts runs it, from the one-file
// bundle of the CLI (lib/cli/bundle.cjs) when `npm run build` made one, else as ES modules.
import { CommanderError } from '../vendor/commander.js';
import { createProgram } from './program.js';

export async function main(): Promise<void> {
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
