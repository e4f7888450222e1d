/**
 * Which compiled code of the CLI bundle a run reads back and keeps (src/cli/main.ts,
 * ../cache/code-cache.ts): one per command, and one more for the runs sure to lay out.
 */

/** The command a code cache is kept for: the first word of argv that is not an option. */
export function commandName(argv: readonly string[]): string {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  return first && /^[a-z][a-z0-9-]*$/.test(first) ? first : '-';
}

/**
 * Whether this run is sure to lay out documents: with `--no-cache` a `build`, and a
 * `check` with its layout rules, reuse no output and lay out every document. Such a run gets a
 * code cache of its own, kept from a run that did lay out: with the start-up path's, a
 * cold PDF build of the 40-page bench corpus compiled the layout, text and PDF code again
 * each time. (Any other run cannot know before it starts whether the build cache will
 * answer, and keeps the start-up path's code, which every later start-up reads back.)
 */
export function laysOut(command: string, argv: readonly string[]): boolean {
  if (!argv.includes('--no-cache')) return false;
  return command === 'build' || (command === 'check' && !argv.includes('--no-layout'));
}

/** The code cache's variant for `argv`, and whether it is the laying-out one (`cold`). */
export function codeVariant(argv: readonly string[]): { variant: string; cold: boolean } {
  const command = commandName(argv);
  const cold = laysOut(command, argv);
  return { variant: `${command}${cold ? ' --no-cache' : ''}`, cold };
}
