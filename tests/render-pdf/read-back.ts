import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text lines of each page as pdf.js extracts them (items joined, split where the baseline moves). */
export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    const lines: string[] = [];
    // Group items by baseline; a line with right-to-left items reads from the right.
    const rows: Array<{ y: number; items: Array<{ str: string; x: number; dir: string }> }> = [];
    for (const it of tc.items) {
      if (!('str' in it) || !it.str) continue;
      const y = it.transform[5] as number;
      let row = rows.find((r) => Math.abs(r.y - y) <= 3);
      if (!row) rows.push((row = { y, items: [] }));
      row.items.push({ str: it.str, x: it.transform[4] as number, dir: it.dir });
    }
    rows.sort((a, b) => b.y - a.y);
    for (const r of rows) {
      const words = r.items.filter((i) => i.str.trim());
      const rtl = words.filter((i) => i.dir === 'rtl').length * 2 >= words.length;
      r.items.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
      lines.push(r.items.map((i) => i.str).join(' '));
    }
    pages.push(lines.filter((l) => l.trim()));
  }
  await doc.destroy();
  return pages;
}
