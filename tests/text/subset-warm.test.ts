// The subsetter's warm-up thread (src/text/subset-warm-worker.ts, started by
// warmSubsetter): it compiles the subsetter on another thread and sends the module back;
// subsets made with that module must be the bytes the main thread's own module gives.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { getFonts, subsetFont, subsetterReady, warmSubsetter } from '../../src/text/index.js';
import { subsetWith, type SubsetExports } from '../../src/text/subsetter.js';

const require = createRequire(import.meta.url);

describe('the subsetter warm-up thread', () => {
  it('sends back a compiled module whose subsets are the main thread’s bytes', async () => {
    const face = getFonts().arabic;
    const worker = new Worker(new URL('../../lib/text/subset-warm-worker.js', import.meta.url), {
      workerData: { wasm: require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'), sample: getFonts().latin.bytes },
    });
    const [module] = (await once(worker, 'message')) as [WebAssembly.Module];
    expect(module).toBeInstanceOf(WebAssembly.Module);
    const x = new WebAssembly.Instance(module, {}).exports as unknown as SubsetExports;
    const gids = [0, 5, 17, 120, 300];
    expect(Buffer.from(subsetWith(x, face.bytes, gids))).toEqual(Buffer.from(subsetFont(face.bytes, gids)));
  });

  it('is what warmSubsetter(sample) resolves to, ready for subsetterReady', async () => {
    const module = await warmSubsetter(getFonts().arabic.bytes);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    await subsetterReady();
    const face = getFonts().latin;
    expect(subsetFont(face.bytes, [0, 36, 37]).length).toBeGreaterThan(0);
  });
});
