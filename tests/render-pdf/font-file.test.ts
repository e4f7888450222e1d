// FontFile2 streams are cached per (face, glyphs): a hit must be the bytes a fresh
// subset-and-deflate gives, and a different glyph set must not hit.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber } from '../../src/vendor/pdf-lib.js';
import { getFonts, subsetFont, subsetterReady } from '../../src/text/index.js';
import { fontFileStream } from '../../src/pdf/font-file.js';

describe('the embedded font file of a subset', () => {
  it('is the deflated subset, the same on a hit, and keyed by the glyph set', async () => {
    await subsetterReady();
    const face = getFonts().latin;
    const doc = await PDFDocument.create();
    const gids = [0, 36, 37, 38];
    const a = fontFileStream(doc.context, face, gids);
    const b = fontFileStream(doc.context, face, gids);
    const c = fontFileStream(doc.context, face, [0, 36, 37, 39]);
    const fresh = subsetFont(face.bytes, gids);
    expect(Buffer.from(inflateSync(a.getContents()))).toEqual(Buffer.from(fresh));
    expect((a.dict.get(PDFName.of('Length1')) as PDFNumber).asNumber()).toBe(fresh.length);
    expect(Buffer.from(b.getContents())).toEqual(Buffer.from(a.getContents()));
    expect(Buffer.from(inflateSync(c.getContents()))).toEqual(Buffer.from(subsetFont(face.bytes, [0, 36, 37, 39])));
    expect(Buffer.from(c.getContents())).not.toEqual(Buffer.from(a.getContents()));
  });
});
