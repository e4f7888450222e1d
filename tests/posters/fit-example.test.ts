// poster-fit on whole copies of the example SOP: each case composes every poster and card
// (end-to-end lane; the sizing functions themselves are tested in fit.test.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { checkPosters } from '../../src/posters/index.js';
import { copyExample, editYaml } from './fixture.js';
import { removeCopies } from './fixture.js';

afterAll(removeCopies);

describe('poster-fit diagnostics', () => {
  it('the example SOP has no poster-fit errors', async () => {
    const { model } = await loadSop(await copyExample());
    const diags = await checkPosters(model);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    for (const d of diags) expect(d.rule).toBe('poster-fit');
  });

  it('a card with 40 contacts is an error naming data/urgent-action.yaml and the line of a contact', async () => {
    let text = '';
    const dir = await copyExample(async (d) => {
      text = await editYaml(d, 'data/urgent-action.yaml', (v) => {
        for (let i = 0; i < 35; i++) {
          v.contacts.push({
            name: { ar: `جهة اتصال إضافية رقم ${i + 1} في المخيم`, en: `Additional contact number ${i + 1} in the camp` },
            phone: `+964 750 111 ${String(1000 + i)}`,
            hours: { ar: 'على مدار الساعة', en: '24/7' },
          });
        }
      });
    });
    const { model } = await loadSop(dir);
    expect((model.data['urgent-action']!.value as { contacts: unknown[] }).contacts).toHaveLength(40);
    const diags = await checkPosters(model);
    const card = diags.filter((d) => d.severity === 'error' && /urgent-action card \(back/.test(d.message));
    expect(card.length).toBeGreaterThanOrEqual(1);
    const lines = text.split('\n');
    for (const d of card) {
      expect(d.rule).toBe('poster-fit');
      expect(d.file).toBe('data/urgent-action.yaml');
      expect(d.message).toMatch(/contacts \d+/);
      expect(d.message).toMatch(/8 pt/);
      // The line points at a contact entry of the edited file (its name, first key of the item).
      const k = Number(/contacts (\d+)/.exec(d.message)![1]);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(lines[d.line! - 1]).toMatch(/^\s*- name:/);
      const contactStarts = lines.map((l, i) => (/^\s*- name:/.test(l) ? i + 1 : 0)).filter(Boolean);
      expect(d.line).toBe(contactStarts[k]);
      expect(d.hint).toMatch(/contacts/);
    }
    // The pocket guide's back cover (the 24/7 contacts) overflows too, and says so.
    expect(diags.some((d) => d.severity === 'error' && d.message.includes('back cover of the en pocket guide') && d.file === 'data/urgent-action.yaml')).toBe(true);
  });

  it('an over-long flowchart label is named by its node', async () => {
    const dir = await copyExample(async (d) => {
      await editYaml(d, 'data/eligibility.yaml', (v) => {
        v.flow.nodes[3].label.en = `${'Supercalifragilisticexpialidociouslyunbreakable'.repeat(3)} ${'word '.repeat(120)}`;
      });
    });
    const { model } = await loadSop(dir);
    const diags = await checkPosters(model);
    const hit = diags.find((d) => d.severity === 'error' && d.message.includes('flow nodes 3 label'));
    expect(hit, JSON.stringify(diags, null, 1)).toBeDefined();
    expect(hit!.file).toBe('data/eligibility.yaml');
    expect(hit!.line).toBeGreaterThan(1);
  });

  it('a character no poster font has is reported where it is, not printed as a silent box', async () => {
    let text = '';
    const dir = await copyExample(async (d) => {
      text = await editYaml(d, 'data/urgent-action.yaml', (v) => { v.triggers[2].en = 'Call ☎ now if a child is in danger'; });
    });
    const { model } = await loadSop(dir);
    const hits = (await checkPosters(model)).filter((d) => d.message.includes('U+260E'));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.file).toBe('data/urgent-action.yaml');
    expect(text.split('\n')[hits[0]!.line! - 1]).toContain('☎');
  });
});
