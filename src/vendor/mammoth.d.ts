// mammoth ships no types; the part `sopkit import` calls (docs: github.com/mwilliamson/mammoth.js).
declare module 'mammoth' {
  interface MammothImage {
    contentType: string;
    readAsBuffer(): Promise<Buffer>;
    altText?: string;
  }
  interface MammothMessage {
    type: 'warning' | 'error';
    message: string;
  }
  interface MammothOptions {
    styleMap?: string[];
    includeDefaultStyleMap?: boolean;
    convertImage?: unknown;
    ignoreEmptyParagraphs?: boolean;
    idPrefix?: string;
  }
  const mammoth: {
    convertToHtml(input: { buffer: Buffer } | { path: string }, options?: MammothOptions): Promise<{ value: string; messages: MammothMessage[] }>;
    extractRawText(input: { buffer: Buffer } | { path: string }): Promise<{ value: string; messages: MammothMessage[] }>;
    images: { imgElement(f: (image: MammothImage) => Promise<Record<string, string>>): unknown };
  };
  export default mammoth;
}
