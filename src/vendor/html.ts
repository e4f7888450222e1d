/** Markdown → HTML for the site: remark-rehype and the rehype plugins (bundled: see ./index.ts). */
export { default as remarkRehype } from 'remark-rehype';
export { default as rehypeRaw } from 'rehype-raw';
export { default as rehypeSanitize, defaultSchema } from 'rehype-sanitize';
export { default as rehypeStringify } from 'rehype-stringify';
