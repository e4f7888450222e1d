import { isMap, isSeq, parseDocument, type Document } from '../vendor/yaml.js';
import { diagnostic, SopkitError } from '../diag/index.js';

/**
 * Parses YAML for editing with the Document API, which keeps comments, key order and
 * quoting of everything the edit does not touch.
 */
export function parseForEdit(text: string, file: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const [line, column] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    throw new SopkitError(diagnostic('yaml-syntax', 'error', `${file} is not valid YAML: ${e.message.split('\n')[0]}`, { file, line, column }, 'Fix the YAML syntax at that place, then run the command again.'));
  }
  if (!isMap(doc.contents)) {
    throw new SopkitError(diagnostic('schema', 'error', `${file} is not a block of keys`, { file, line: 1, column: 1 }));
  }
  return doc;
}

/**
 * Output options that reproduce hand-written YAML: no re-folding of long lines (the
 * default folds at 80 columns) and `[ar, en]` without inner padding.
 */
export const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** sop.yaml text with `version` and `date` set (the frozen copy of a release). */
export function setVersionAndDate(text: string, version: string, date: string): string {
  const doc = parseForEdit(text, 'sop.yaml');
  doc.set('version', version);
  doc.set('date', date);
  return doc.toString(TO_STRING);
}

export { isMap, isSeq };
