import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface FakePage {
  /** Header lines drawn at the top of the page. */
  header?: string[];
  /** Lines drawn in the middle of the page. */
  body?: string[];
}

/** A small A4 PDF in Helvetica (WinAnsi: English only), one entry per page. */
export async function makePdf(pages: FakePage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage([595.28, 841.89]);
    (p.header ?? []).forEach((line, i) => page.drawText(line, { x: 50, y: 841.89 - 36 - i * 12, size: 9, font }));
    (p.body ?? []).forEach((line, i) => page.drawText(line, { x: 50, y: 500 - i * 16, size: 12, font }));
  }
  return doc.save();
}
