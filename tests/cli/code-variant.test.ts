// Which compiled code of the CLI bundle a run reads back (src/cli/code-variant.ts): one
// per command, and one of its own for the runs sure to lay out every document.
import { describe, expect, it } from 'vitest';
import { codeVariant } from '../../src/cli/code-variant.js';

const argv = (...a: string[]) => ['node', 'sopkit.js', ...a];

describe('the code cache variant of a run', () => {
  it('is the command for the start-up paths', () => {
    expect(codeVariant(argv('build', 'sop'))).toEqual({ variant: 'build', cold: false });
    expect(codeVariant(argv('check', 'sop', '--no-layout'))).toEqual({ variant: 'check', cold: false });
    expect(codeVariant(argv('--quiet', 'build'))).toEqual({ variant: 'build', cold: false });
    expect(codeVariant(argv('--help'))).toEqual({ variant: '-', cold: false });
  });

  it('is a laying-out one for a build or a layout check that reuses nothing', () => {
    expect(codeVariant(argv('build', 'sop', '--only', 'pdf', '--no-cache'))).toEqual({ variant: 'build --no-cache', cold: true });
    expect(codeVariant(argv('check', 'sop', '--no-cache'))).toEqual({ variant: 'check --no-cache', cold: true });
    // Without its layout rules a check lays nothing out; serve's --no-cache is about its previews.
    expect(codeVariant(argv('check', 'sop', '--no-cache', '--no-layout'))).toEqual({ variant: 'check', cold: false });
    expect(codeVariant(argv('serve', 'sop', '--no-cache'))).toEqual({ variant: 'serve', cold: false });
  });
});
