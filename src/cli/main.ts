// First: how V8 compiles everything loaded after this line (see ../v8-flags.ts).
import '../v8-flags.js';
import { CommanderError } from '../vendor/commander.js';
import { createProgram } from './program.js';

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
