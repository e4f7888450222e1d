/**
 * `sopkit import`: mammoth (.docx → semantic HTML), rehype-raw (HTML → hast), rehype-remark
 * (hast → mdast) and remark-stringify with GFM (mdast → Markdown). One bundle with its own
 * unified, so the plugins share one processor type; loaded only by `import`.
 */
export { default as mammoth } from 'mammoth';
export { unified } from 'unified';
export { default as rehypeRaw } from 'rehype-raw';
export { default as rehypeRemark } from 'rehype-remark';
export { default as remarkStringify } from 'remark-stringify';
export { default as remarkGfm } from 'remark-gfm';
