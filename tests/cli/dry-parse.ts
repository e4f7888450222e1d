// Parses a printed sopkit command line with the real commander program, running nothing:
// every action is replaced by a no-op, so only names, flags, arguments and option values
// (choices, --only, --annex, --port…) are checked. Used to prove hints are runnable.
import { Command, CommanderError } from '../../src/vendor/commander.js';
import { createProgram } from '../../src/cli/program.js';

/** Splits a command line like a POSIX shell would for simple cases ('…' and "…" quoting). */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let cur: string | undefined;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const piece = m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!;
    // Adjacent pieces with no space between them form one word (e.g. a'b'c).
    if (cur !== undefined && m.index === last) cur += piece;
    else {
      if (cur !== undefined) out.push(cur);
      cur = piece;
    }
    last = re.lastIndex;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

/**
 * null when `line` (starting with `sopkit `) parses; else commander's message. A bare
 * command name (`sopkit release`, as in "written by `sopkit release`") is a mention, not
 * a command to run: only its name is checked.
 */
export async function dryParse(line: string): Promise<string | null> {
  const words = shellWords(line);
  const mention = isMention(words);
  if (words[0] !== 'sopkit') return `does not start with "sopkit": ${line}`;
  const placeholder = words.find((w) => /…|\.\.\.|^<.*>$|^\[.*\]$/.test(w));
  if (placeholder) return `"${placeholder}" is a placeholder, not something a user can type`;
  const program = await createProgram(['node', 'sopkit']);
  if (mention) {
    let cmd: Command | undefined = program;
    for (const name of words.slice(1)) cmd = cmd?.commands.find((c) => c.name() === name || c.aliases().includes(name));
    return cmd ? null : `unknown command '${words.slice(1).join(' ')}'`;
  }
  let message = '';
  const silence = (cmd: Command) => {
    cmd.configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: (s) => { message += s; } });
    if (cmd.commands.length === 0) cmd.action(() => undefined);
    for (const sub of cmd.commands) silence(sub);
  };
  silence(program);
  try {
    await program.parseAsync(words.slice(1), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? null : (message.trim() || e.message);
    throw e;
  }
  return null;
}

const PARENTS = new Set(['i18n']);
function isMention(words: string[]): boolean {
  if (words.slice(1).some((w) => w.startsWith('-'))) return false;
  return words.length === 2 || (words.length === 3 && PARENTS.has(words[1]!));
}

/** Every `sopkit …` command quoted in backticks in `text` (a message or hint as printed). */
export function quotedCommands(text: string): string[] {
  return [...text.matchAll(/`(sopkit [^`]*)`/g)].map((m) => m[1]!);
}
