import { fileURLToPath } from 'node:url';

/**
 * The sopkit package folder (holds schemas/ and templates/). This file compiles to
 * lib/paths.js and runs from src/paths.ts under vitest: both sit one level down.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
