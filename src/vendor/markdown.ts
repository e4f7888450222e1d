/** The Markdown parser stack: unified + remark with GFM and directives (bundled: see ./index.ts). */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkDirective } from 'remark-directive';
export { visit } from 'unist-util-visit';
export { toString } from 'mdast-util-to-string';
