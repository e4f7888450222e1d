import { Command, Option } from '../../vendor/commander.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../run.js';
import { annexNumber, dirOption, sopDir } from '../usage.js';

/** `sopkit verify FILE.pdf|DIR`: reads PDFs back and proves every page carries the header (R3, R4). */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('read PDFs back and check that every page carries the SOP title and version stamp (annex pages: the annex header)')
    .argument('<target>', 'a PDF file, a folder (e.g. dist/) whose PDFs are all checked, or an SOP folder (its dist/ is checked)')
    .addOption(dirOption().default(undefined, 'the folder that contains dist/, else the current folder'))
    .option('--lang <lang>', 'language of the PDFs (default: from the file names, e.g. sop-v2.1-ar.pdf)')
    .option('--annex <n>', 'check the PDFs as annex N (default: from the file names, e.g. annex-1-v2.1-en.pdf)', annexNumber)
    .option('--tags', 'check the tagged structure instead: text outside tags and artifacts, figures without Alt, tables without header cells, skipped heading levels, missing language')
    .addOption(new Option('--format <format>', 'report format').choices(['pretty', 'json']).default('pretty'))
    .action(async (targetArg: string, opts: { dir?: string; lang?: string; annex?: number; tags?: boolean; format: 'pretty' | 'json' }, cmd: Command) => {
      await runAction(async () => {
        // An SOP folder as the target means its built PDFs: `sopkit verify sop-sources`.
        const isSop = existsSync(path.join(targetArg, 'sop.yaml'));
        const target = isSop ? path.join(targetArg, 'dist') : targetArg;
        if (isSop) opts.dir = sopDir(cmd, targetArg, opts.dir);
        if (opts.tags) {
          const { verifyTags, formatTagsPretty } = await import('../../verify/index.js');
          const result = await verifyTags(target);
          process.stdout.write(opts.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatTagsPretty(result.files));
          return result.exitCode;
        }
        // Loaded on use: every sopkit command pays for what the CLI imports at start-up.
        const { formatVerifyJson, formatVerifyPretty, verifyPdfs } = await import('../../verify/index.js');
        const result = await verifyPdfs(target, { dir: opts.dir, lang: opts.lang, annex: opts.annex });
        process.stdout.write(opts.format === 'json' ? formatVerifyJson(result) : formatVerifyPretty(result));
        return result.exitCode;
      });
    });
}
