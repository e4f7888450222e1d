import { beforeAll, describe, expect, test } from 'vitest';
import type { SopModel } from '../../src/model/types.js';
import { orderVersions } from '../../src/site/index.js';
import { renderSopPage } from '../../src/site/page.js';
import { loadExample } from './helpers.js';

let model: SopModel;
beforeAll(async () => {
  model = await loadExample();
});

async function pageOf(m: SopModel, lang: string): Promise<string> {
  const versions = orderVersions([m]);
  return (await renderSopPage({ versions, current: versions[0]!, lang, file: 'index.html' })).html;
}

/** The targets of the pathway steps' service links (`<ol class="pathway-steps">`). */
function serviceLinks(html: string): string[] {
  const steps = [...html.matchAll(/<ol class="pathway-steps">([\s\S]*?)<\/ol>/g)].map((m) => m[1]!).join('');
  return [...steps.matchAll(/<a href="([^"]*service-[^"]*)"/g)].map((m) => m[1]!);
}

/**
 * A pathway step names a service; its link goes to the service's row. When the page itself
 * shows the service map (`::services`, in a section or — as in the example — in a Markdown
 * annex), that row is on the page: `#service-x`; otherwise on services.html.
 */
describe('service links of the SOP page', () => {
  test('the example shows the service map in annex 3: pathway links stay on the page, at rows that exist', async () => {
    for (const lang of ['ar', 'en']) {
      const html = await pageOf(model, lang);
      const links = serviceLinks(html);
      expect(links.length, lang).toBeGreaterThan(5);
      for (const href of links) {
        expect(href, lang).toMatch(/^#service-/);
        expect(html, `${lang}: ${href}`).toContain(` id="${href.slice(1)}"`);
      }
    }
  });

  test('without the annex, the links go to services.html', async () => {
    const noMap = { ...model, annexes: model.annexes.filter((a) => !a.file.endsWith('03-service-map.md')) };
    const links = serviceLinks(await pageOf(noMap, 'en'));
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) expect(href).toMatch(/^services\.html#service-/);
  });

  test('a `::services` quoted in a code block (of a section or an annex) does not count as the map on the page', async () => {
    const quote = (x: { body: string }) => ({ ...x, body: `${x.body}\n\n\`\`\`\n::services{data=services}\n\`\`\`\n` });
    const annexes = model.annexes
      .filter((a) => !a.file.endsWith('03-service-map.md'))
      .map((a) => (a.kind === 'markdown-annex' && a.lang === 'en' && a.file.endsWith('04-glossary.md') ? quote(a) : a));
    const firstEn = model.sections.find((x) => x.lang === 'en')!;
    const sections = model.sections.map((x) => (x === firstEn ? quote(x) : x));
    const links = serviceLinks(await pageOf({ ...model, annexes, sections }, 'en'));
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) expect(href).toMatch(/^services\.html#service-/);
  });
});
