/**
 * The faces sopkit sets text in: Noto Naskh Arabic for Arabic, Noto Sans for Latin,
 * regular and bold. Loaded once per process (font objects are reused, never re-read).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hb } from './hb.js';

const require = createRequire(import.meta.url);

export type FontRole = 'arabic' | 'latin';

export interface FontFace {
  /** Stable id, also the PDF resource-name seed (e.g. `naskh-700`). */
  id: string;
  /** PostScript-safe base name written into the PDF. */
  psName: string;
  role: FontRole;
  bold: boolean;
  bytes: Uint8Array;
  hbFont: hb.Font;
  upem: number;
  ascender: number;
  descender: number;
  capHeight: number;
  /** Unicode code points with a glyph in the cmap. */
  covers(cp: number): boolean;
  /** Nominal (hmtx) advance of a glyph in font units, cached. */
  advance(gid: number): number;
}

export interface FontSet {
  arabic: FontFace;
  latin: FontFace;
  arabicBold: FontFace;
  latinBold: FontFace;
  all: FontFace[];
}

const FILES: Array<[string, string, FontRole, boolean, string]> = [
  ['naskh-400', 'NotoNaskhArabic-Regular', 'arabic', false, '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'],
  ['sans-400', 'NotoSans-Regular', 'latin', false, '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'],
  ['naskh-700', 'NotoNaskhArabic-Bold', 'arabic', true, '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf'],
  ['sans-700', 'NotoSans-Bold', 'latin', true, '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'],
];

function loadFace(id: string, psName: string, role: FontRole, bold: boolean, modulePath: string): FontFace {
  const bytes = new Uint8Array(readFileSync(require.resolve(modulePath)));
  const face = new hb.Face(new hb.Blob(bytes));
  const hbFont = new hb.Font(face);
  const unicodes = new Set<number>(face.collectUnicodes());
  // covers() runs several times per character of every paragraph (font choice, missing
  // glyphs): a flat table for the Basic Multilingual Plane instead of a Set lookup.
  const bmp = new Uint8Array(0x10000);
  for (const cp of unicodes) if (cp < 0x10000) bmp[cp] = 1;
  const ext = hbFont.hExtents();
  const advances = new Map<number, number>();
  const capGid = hbFont.glyph(0x48);
  const cap = capGid !== undefined ? hbFont.glyphExtents(capGid)?.yBearing : undefined;
  return {
    id, psName, role, bold, bytes, hbFont,
    upem: face.upem,
    ascender: ext.ascender,
    descender: ext.descender,
    capHeight: cap ?? Math.round(face.upem * 0.7),
    covers: (cp) => (cp < 0x10000 ? bmp[cp] === 1 : unicodes.has(cp)),
    advance(gid) {
      let a = advances.get(gid);
      if (a === undefined) {
        a = hbFont.glyphHAdvance(gid);
        advances.set(gid, a);
      }
      return a;
    },
  };
}

let cached: FontSet | undefined;

/** The process-wide font set (synchronous after the first call; faces are cached). */
export function getFonts(): FontSet {
  if (!cached) {
    const [arabic, latin, arabicBold, latinBold] = FILES.map((f) => loadFace(...f)) as [FontFace, FontFace, FontFace, FontFace];
    cached = { arabic, latin, arabicBold, latinBold, all: [arabic, latin, arabicBold, latinBold] };
  }
  return cached;
}
