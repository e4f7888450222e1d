/**
 * A growing byte buffer for content-stream operators. Pages were built as thousands of
 * small strings (one per glyph code and number), joined and then encoded: most of the
 * render time went into those strings and the garbage they left. Writing the bytes
 * directly gives exactly what `Buffer.from(ops.join('\n'), 'latin1')` gave.
 */
const HEX_DIGITS = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 65, 66, 67, 68, 69, 70]; // 0-9A-F

export class OpBuffer {
  buf = new Uint8Array(1 << 16);
  len = 0;

  private grow(n: number): void {
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }

  /** Latin-1 text, as `Buffer.from(s, 'latin1')` encodes it (each UTF-16 unit & 0xff). */
  str(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.len = p;
  }

  /** Bytes encoded beforehand (fixed operator text). */
  raw(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  byte(c: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = c;
  }

  /** `<XXXX>`: a 2-byte glyph code in upper-case hex. */
  hex4(code: number): void {
    if (this.len + 6 > this.buf.length) this.grow(6);
    const b = this.buf;
    const p = this.len;
    b[p] = 60; // <
    b[p + 1] = HEX_DIGITS[(code >> 12) & 15]!;
    b[p + 2] = HEX_DIGITS[(code >> 8) & 15]!;
    b[p + 3] = HEX_DIGITS[(code >> 4) & 15]!;
    b[p + 4] = HEX_DIGITS[code & 15]!;
    b[p + 5] = 62; // >
    this.len = p + 6;
  }

  /** A whole number as `String(n)` writes it (-0 as 0). */
  int(n: number): void {
    if (n === 0) return this.byte(48);
    if (!(Math.abs(n) < 1e15)) return this.str(String(n));
    if (this.len + 17 > this.buf.length) this.grow(17);
    const b = this.buf;
    if (n < 0) {
      b[this.len++] = 45; // -
      n = -n;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.len + digits;
    this.len = p;
    do {
      const q = Math.floor(n / 10);
      b[--p] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  /**
   * A coordinate as `num()` in content.ts writes it: whole numbers as they are, others
   * rounded to 3 decimals. `String(k / 1000)` for a whole k under 1e12 is k's digits
   * with the point put back and trailing zeros dropped (that decimal is the shortest
   * that reads back as the same double), so the digits are written from k.
   */
  num(n: number): void {
    if (Number.isInteger(n)) return this.int(n);
    if (Math.abs(n) < 0.0005) return this.byte(48);
    const k = Math.round(n * 1000);
    if (!(Math.abs(k) < 1e12)) return this.str(String(k / 1000));
    let a = k;
    if (a < 0) {
      this.byte(45);
      a = -a;
    }
    const ip = Math.floor(a / 1000);
    const fr = a - ip * 1000;
    this.int(ip);
    if (fr === 0) return;
    if (this.len + 4 > this.buf.length) this.grow(4);
    const b = this.buf;
    let p = this.len;
    b[p++] = 46; // .
    const d1 = Math.floor(fr / 100);
    const d2 = Math.floor(fr / 10) - d1 * 10;
    const d3 = fr - Math.floor(fr / 10) * 10;
    b[p++] = 48 + d1;
    if (d2 !== 0 || d3 !== 0) b[p++] = 48 + d2;
    if (d3 !== 0) b[p++] = 48 + d3;
    this.len = p;
  }

  /** Appends another buffer's bytes. */
  append(o: OpBuffer): void {
    if (this.len + o.len > this.buf.length) this.grow(o.len);
    this.buf.set(o.buf.subarray(0, o.len), this.len);
    this.len += o.len;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
