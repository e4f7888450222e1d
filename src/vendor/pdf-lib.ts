/** pdf-lib (bundled into one file by the build: see ./index.ts). */
export * from 'pdf-lib';
