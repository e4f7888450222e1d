// pako ships no types; pdf-lib's copy is only patched (./pdf-lib.ts), never called from sopkit.
declare module 'pako' {
  const pako: { deflate: unknown; inflate: unknown };
  export default pako;
}
