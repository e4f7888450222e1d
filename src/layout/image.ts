/** Reads the size of a PNG or JPEG without decoding it; undefined for anything else. */
export function imageInfo(d: Uint8Array): { format: 'png' | 'jpeg'; width: number; height: number } | undefined {
  if (d.length > 24 && d[0] === 0x89 && d[1] === 0x50 && d[2] === 0x4e && d[3] === 0x47) {
    const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const width = dv.getUint32(16);
    const height = dv.getUint32(20);
    return width > 0 && height > 0 ? { format: 'png', width, height } : undefined;
  }
  if (d.length > 4 && d[0] === 0xff && d[1] === 0xd8) {
    let i = 2;
    while (i + 9 < d.length) {
      if (d[i] !== 0xff) return undefined;
      const marker = d[i + 1]!;
      const len = (d[i + 2]! << 8) | d[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = (d[i + 5]! << 8) | d[i + 6]!;
        const width = (d[i + 7]! << 8) | d[i + 8]!;
        return width > 0 && height > 0 ? { format: 'jpeg', width, height } : undefined;
      }
      i += 2 + len;
    }
  }
  return undefined;
}
