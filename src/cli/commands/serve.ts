import { Command, InvalidArgumentError } from '../../vendor/commander.js';
import { sessionLoader } from '../../model/index.js';
import { keepParsedTrees } from '../../document/index.js';
import { startDevServer } from '../../site/index.js';
import { pdfPreviewer } from '../../build/preview.js';
import { runAction } from '../run.js';
import { shownDir } from '../paths.js';
import { DIR_ARGUMENT, dirOption, shellQuote, sopDir } from '../usage.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('give a port number between 0 and 65535, e.g. --port 4173');
  return n;
}

/** The command line the user typed, with another port: runnable as printed. */
function againWithPort(port: number): string {
  const all = process.argv.slice(2);
  const args = all.filter((a, i) => !(a === '-p' || a === '--port' || a.startsWith('--port=') || all[i - 1] === '-p' || all[i - 1] === '--port'));
  return ['sopkit', ...args.map(shellQuote), '--port', String(port)].join(' ');
}

/** `sopkit serve [DIR]`: local preview on 127.0.0.1 that rebuilds the site on save. */
export function serveCommand(): Command {
  return new Command('serve')
    .alias('watch')
    .description('preview the site and each language\'s PDF on this computer (127.0.0.1 only); rebuilds what a saved file changes and reloads its pages')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .option('-p, --port <port>', 'port to listen on', parsePort, 4173)
    .option('--no-pdf', 'preview the site only (no PDF layout on save)')
    .option('--no-cache', 'do not keep or reuse the PDF previews in the build cache (docs/cache.md)')
    .action((dirArg: string | undefined, opts: { port: number; dir?: string; pdf: boolean; cache: boolean }, cmd: Command) =>
      runAction(async () => {
        const dir = sopDir(cmd, dirArg, opts.dir);
        const log = (m: string) => process.stderr.write(`${m}\n`);
        // `serve` loads the SOP again on every save: only the saved files are read again, and
        // the sections that did not change are not parsed again.
        keepParsedTrees();
        const server = await startDevServer({
          dir,
          port: opts.port,
          load: sessionLoader(),
          log,
          ...(opts.pdf ? { pdfs: pdfPreviewer({ store: opts.cache, log }) } : {}),
        }).catch((e: NodeJS.ErrnoException) => {
          if (e?.code === 'EADDRINUSE') {
            process.stderr.write(`sopkit serve: port ${opts.port} is already in use\n    hint: stop the other server, or pick another port: \`${againWithPort(opts.port === 65535 ? 4174 : opts.port + 1)}\`\n`);
            return null;
          }
          throw e;
        });
        if (!server) return 2;
        process.stdout.write(`serving ${server.url} (Ctrl+C to stop); watching ${shownDir(dir)}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        return 0;
      }),
    );
}
