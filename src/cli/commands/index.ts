import type { Command } from 'commander';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { i18nCommand } from './i18n.js';
import { initCommand } from './init.js';
import { postersCommand } from './posters.js';
import { releaseCommand } from './release.js';
import { reviewCommand } from './review.js';
import { verifyCommand } from './verify.js';

/**
 * Every sopkit command, one file each. A command file exports `xxxCommand(): Command`
 * that maps flags to options, calls the library API and returns an exit code.
 */
export const commands: Array<() => Command> = [verifyCommand, checkCommand, releaseCommand, diffCommand, reviewCommand, buildCommand, initCommand, i18nCommand, postersCommand];
