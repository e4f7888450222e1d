import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createParsePool, parseMarkdown } from '../../src/markdown/index.js';

const example = fileURLToPath(new URL('../../sop-sources/', import.meta.url));
const compiledWorker = new URL('../../lib/markdown/parse-worker.js', import.meta.url);

/** Every Markdown body of the example SOP (sections of both languages and annexes). */
function exampleBodies(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && e.name !== 'dist') walk(`${dir}/${e.name}`);
      else if (e.name.endsWith('.md')) out.push(readFileSync(`${dir}/${e.name}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    }
  };
  walk(example);
  return out;
}

describe('parse pool', () => {
  it('returns the trees parseMarkdown returns, on the calling thread without a worker', () => {
    const bodies = ['# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 'نص[^1]\n\n[^1]: حاشية\n', '::criteria{data=eligibility}\n'];
    const pool = createParsePool(bodies, { worker: false });
    expect(pool.get(2)).toEqual(parseMarkdown(bodies[2]!));
    expect(pool.get(0)).toEqual(parseMarkdown(bodies[0]!));
    expect(pool.get(0)).toBe(pool.get(0));
    expect(pool.get(1).children.map((c) => c.type)).toEqual(['paragraph', 'footnoteDefinition']);
  });

  // The worker is the compiled one (lib/, `npm run build`); under vitest src/ has no .js worker.
  it.skipIf(!existsSync(fileURLToPath(compiledWorker)))('gives the same tree for every example file when a worker parses ahead', () => {
    const bodies = exampleBodies();
    expect(bodies.length).toBeGreaterThan(30);
    const pool = createParsePool(bodies, { worker: true, workerUrl: compiledWorker });
    // Ask in order, as the layout does: the worker has parsed some of them, this thread the rest.
    bodies.forEach((b, i) => expect(pool.get(i), `body ${i}`).toEqual(parseMarkdown(b)));
    // Out of order (from the back, where the worker starts, then the middle and the front).
    const again = createParsePool(bodies, { worker: true, workerUrl: compiledWorker });
    const order = [bodies.length - 1, Math.floor(bodies.length / 2), 0, ...bodies.keys()];
    for (const i of order) expect(again.get(i), `body ${i}`).toEqual(parseMarkdown(bodies[i]!));
  });

  it('parses on the calling thread when the worker cannot start', () => {
    const bodies = exampleBodies().slice(0, 4);
    const pool = createParsePool(bodies, { worker: true, workerUrl: new URL('file:///nonexistent/parse-worker.js') });
    bodies.forEach((b, i) => expect(pool.get(i)).toEqual(parseMarkdown(b)));
  });
});
