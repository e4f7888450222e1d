/**
 * Sorts that reach an output do not follow the machine's locale (src/order.ts): under
 * Danish collation "aa" is "å" and sorts after "b", which would reorder an SOP's sections
 * (and the fonts in a PDF) on a Danish machine. Run in a child process with LC_ALL set.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/cli.js';

describe('sort order is the same in every locale', () => {
  it('compareText orders "aa" before "b" under LC_ALL=da_DK, where localeCompare does not', () => {
    ensureBuilt();
    const script = `
      import { compareText } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'lib/order.js')).href)};
      const names = ['b.md', 'aa.md', 'B.md', '10-x.md', '02-y.md'];
      console.log(JSON.stringify({
        locale: [...names].sort((a, b) => a.localeCompare(b)),
        fixed: [...names].sort(compareText),
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' } });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { locale: string[]; fixed: string[] };
    // The machine's locale applies to localeCompare (Node's full ICU has Danish): the reason for src/order.ts.
    expect(out.locale.indexOf('aa.md')).toBeGreaterThan(out.locale.indexOf('b.md'));
    expect(out.fixed).toEqual(['02-y.md', '10-x.md', 'aa.md', 'b.md', 'B.md']);
  });
});
