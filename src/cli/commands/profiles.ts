import { Command } from '../../vendor/commander.js';
import { runAction } from '../run.js';

/**
 * The profiles shipped in templates/profiles/: one line each, id then title per language
 * (English first), so a user can pick `sopkit init DIR --profile ID`.
 */
export async function printProfiles(): Promise<number> {
  const { shippedProfileIds, loadProfile } = await import('../../model/index.js');
  const ids = await shippedProfileIds();
  const width = Math.max(...ids.map((id) => id.length));
  for (const id of ids) {
    // Loaded from the shipped folder: the SOP folder argument is a folder with no profiles/.
    const p = await loadProfile('', id, { shippedOnly: true });
    const titles = [p.title.en, ...Object.entries(p.title).filter(([l]) => l !== 'en').map(([, t]) => t)].filter(Boolean);
    process.stdout.write(`${id.padEnd(width)}  ${titles.join(' | ')}\n`);
  }
  return 0;
}

export function profilesCommand(): Command {
  return new Command('profiles')
    .description('list the checklist profiles (families of SOPs) sopkit ships, for `sopkit init DIR --profile ID`')
    .action(async () => runAction(printProfiles));
}
