/** jsdiff's array diff, for the redline (bundled: see ./index.ts). */
export { diffArrays } from 'diff';
