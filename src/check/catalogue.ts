import type { Diagnostic } from '../diag/index.js';
import { RULES } from './rules/index.js';
import type { RuleMeta } from './types.js';

/** Ids the loader (model/, fs/) reports; `check` passes them through, reporters describe them. */
const LOADER_RULES: RuleMeta[] = [
  { id: 'yaml-syntax', severity: 'error', description: 'a YAML file or front-matter block is not valid YAML', help: 'Check indentation (spaces, aligned under the parent key) and put text containing ":" or "#" in quotes.' },
  { id: 'front-matter-missing', severity: 'error', description: 'a Markdown file has no front-matter block', help: 'Start the file with ---, the keys (component, title), and --- on its own line.' },
  { id: 'file-encoding', severity: 'error', description: 'a source file is not UTF-8 text', help: 'Save the file as UTF-8 text.' },
  { id: 'file-too-large', severity: 'error', description: 'a text source is larger than sopkit accepts', help: 'Split it into several sections, or move the material into an annex PDF.' },
  { id: 'file-missing', severity: 'error', description: 'a file that should exist does not', help: 'Check the file name and folder.' },
  { id: 'file-unreadable', severity: 'error', description: 'a file cannot be read (permissions, a link, a folder)', help: 'Check the file permissions; copy linked files into the SOP folder.' },
  { id: 'path-outside', severity: 'error', description: 'a path, or a link, leads outside the SOP folder', help: 'sopkit reads only files inside the SOP folder: copy the file in (links that stay inside are fine).' },
  { id: 'markdown-too-deep', severity: 'error', description: 'Markdown blocks (quotes, list items, notes, ::: directives) nest more than 32 levels deep', help: 'Flatten the structure: use headings or separate lists and quotes instead of nesting them.' },
  { id: 'language-folder-missing', severity: 'error', description: 'a working language has no sections folder', help: 'Create sections/<lang>/ or remove the language from sop.yaml.' },
  { id: 'data-unknown', severity: 'info', description: 'a data file has no schema in sopkit', help: 'Only the known data files are checked; others are loaded as they are.' },
  { id: 'manifest-missing', severity: 'error', description: 'the folder has no sop.yaml', help: 'Pass the folder that holds sop.yaml, or create one with `sopkit init my-sop`.' },
  { id: 'sop-folder-missing', severity: 'error', description: 'the SOP folder does not exist', help: 'Pass the folder that holds sop.yaml.' },
  { id: 'agency-duplicate', severity: 'error', description: 'two agencies in sop.yaml have the same id', help: 'Each agency needs its own id (lower-case letters, digits and -): sections\' owner:, services, contacts and endorsements name agencies by it. Rename one of the two, or merge the entries.' },
  { id: 'profile-unknown', severity: 'error', description: 'sop.yaml names a checklist profile sopkit does not know', help: 'Use profile: cpcm-interagency, or put your own in profiles/<id>.yaml.' },
];

/** Ids reported by other stages that `sopkit check` runs (the CLI adds them to the report). */
const STAGE_RULES: RuleMeta[] = [
  { id: 'poster-fit', severity: 'warning', description: 'a poster or pocket card cannot show its data at the legible minimum text size', help: 'Posters and cards are laid out from the data files; when the text only fits below the minimum size (14 pt on posters, 8 pt on cards), shorten the labels of the data item the message points at, or split it. Skipped with --no-layout.' },
];

/** Metadata of every id a check report may contain (rules first, then the loader's). */
export function ruleCatalogue(): RuleMeta[] {
  return [...RULES.map(({ id, severity, description, help }) => ({ id, severity, description, help })), ...STAGE_RULES, ...LOADER_RULES];
}

/** Metadata for the ids present in `diagnostics`, in catalogue order (unknown ids get a generic entry). */
export function rulesUsed(diagnostics: readonly Diagnostic[]): RuleMeta[] {
  const cat = ruleCatalogue();
  const ids = new Set(diagnostics.map((d) => d.rule));
  const out = cat.filter((r) => ids.has(r.id));
  for (const id of ids) if (!out.some((r) => r.id === id)) out.push({ id, severity: 'error', description: id, help: 'See docs/check.md.' });
  return out;
}
