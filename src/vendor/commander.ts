/** commander, the CLI parser (bundled: see ./index.ts). */
export * from 'commander';
