/**
 * Which Markdown link targets become clickable addresses in a PDF, and how they are
 * written: a PDF /URI is an ASCII string, so anything else is percent-encoded.
 */

/**
 * Only web and e-mail addresses open from a PDF. A PDF is handed around the field by
 * e-mail and USB stick: a `file:` link would open whatever the reader's machine has at
 * that path, a `javascript:` link would run a script in some viewers, and a relative
 * path means nothing once the PDF has left the SOP folder. Those stay plain text.
 */
const OPENABLE = new Set(['http', 'https', 'mailto']);

/** RFC 3986 unreserved and reserved characters: kept as they are (`%` is handled apart). */
const KEEP = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;

/**
 * The ASCII address a link to `url` opens, or undefined when the link must not be
 * clickable (another scheme, a relative path, a malformed address).
 */
export function externalUri(url: string): string | undefined {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme || !OPENABLE.has(scheme)) return undefined;
  let parsed: URL;
  try {
    // The WHATWG parser is what browsers apply to the address anyway: an Arabic host
    // becomes its IDNA (xn--) form, which a percent-encoded host would not be everywhere.
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (scheme !== 'mailto' && !parsed.hostname) return undefined;
  return percentEncode(parsed.href);
}

/** Percent-encodes (UTF-8, RFC 3986) every character outside the ASCII URI characters; keeps valid `%XX` escapes. */
export function percentEncode(s: string): string {
  const utf8 = new TextEncoder();
  let out = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (ch === '%') out += /^[0-9A-Fa-f]{2}$/.test(s.slice(i, i + 2)) ? '%' : '%25';
    else if (KEEP.test(ch)) out += ch;
    else for (const b of utf8.encode(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
