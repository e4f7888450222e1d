/**
 * The `docx` generator, for the Word output (`build --only docx`). A bundle of its own
 * (see ./index.ts), loaded only by the docx writer: `build --only pdf` and `check` never
 * read it.
 *
 * Types: docx 9's declarations import their own files without extensions, which
 * TypeScript's NodeNext resolution cannot follow (every name reads as missing, with the
 * `require` resolution mode too). So the few constructors sopkit calls are typed here,
 * loosely: options are checked by the tests that read the written XML back.
 */
import * as docxModule from 'docx';

/** Any object of the docx tree (a paragraph, a run, a table…). */
export interface DocxNode {
  readonly __docxNode?: never;
}
type Options = Record<string, unknown>;
type Make<A extends unknown[] = [Options]> = new (...args: A) => DocxNode;

interface DocxApi {
  Bookmark: Make;
  Document: Make;
  ExternalHyperlink: Make;
  Footer: Make;
  FootnoteReferenceRun: Make<[number]>;
  Header: Make;
  ImageRun: Make;
  InternalHyperlink: Make;
  Paragraph: Make<[Options | string]>;
  Table: Make;
  TableCell: Make;
  TableRow: Make;
  TextRun: Make<[Options | string]>;
  Packer: { toBuffer(doc: DocxNode): Promise<Buffer> };
  PageNumber: { CURRENT: string; TOTAL_PAGES: string };
  HeadingLevel: Record<'HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'HEADING_4', string>;
  AlignmentType: Record<'START' | 'END' | 'CENTER' | 'LEFT' | 'RIGHT' | 'BOTH', string>;
  LevelFormat: Record<'BULLET' | 'DECIMAL', string>;
  LineRuleType: Record<'AUTO' | 'AT_LEAST' | 'EXACT', string>;
  WidthType: Record<'PERCENTAGE' | 'DXA' | 'AUTO', string>;
  BorderStyle: Record<'SINGLE' | 'NONE', string>;
  ShadingType: Record<'CLEAR' | 'SOLID', string>;
}

const d = docxModule as unknown as DocxApi;

export const {
  AlignmentType, Bookmark, BorderStyle, Document, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, HeadingLevel,
  ImageRun, InternalHyperlink, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} = d;
