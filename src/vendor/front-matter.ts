/** gray-matter, which finds the front-matter block of a Markdown file (bundled: see ./index.ts). */
export { default as matter } from 'gray-matter';
