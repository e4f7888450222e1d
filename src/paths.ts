import { fileURLToPath } from 'node:url';

/**
 * The sopkit package folder (holds schemas/ and templates/). This file compiles to
 * lib/paths.js, which the CLI and the tests run (one level down, as src/ is).
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
