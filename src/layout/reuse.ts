/**
 * Laid-out components kept from one layout of the SOP to the next (`serve`'s PDF preview:
 * a save re-lays only the component whose files changed).
 *
 * Each component starts on a new page and is paginated on its own (document.ts,
 * `layoutBody`); its footnotes, heading numbers and structure elements are its own; page
 * numbers, the contents and the running header and footer are added afterwards. So a
 * component's pages depend only on what its layout reads, which is its key:
 * - `inputs`, given by the caller: everything the layout can read besides the model's
 *   Markdown (sop.yaml, profile, data files, images, fonts and sopkit itself: the
 *   preview keys it on the bytes of every file but the Markdown, and the engine);
 * - the language, the component's number, id and title, and each of its files' path,
 *   first body line and body;
 * - the state the layout carries in from the component before: the file it was on (the
 *   title is set while `ctx.file` still names it) and the missing characters already
 *   reported for that file or this component's files.
 * And, checked before it is used, the link targets its links looked up (a link to another
 * section resolves against that section's component and anchors: a heading added there
 * lays out again the components that link to that file, not the others).
 * A kept component hands back its pages (frames are never modified after layout: the
 * renderer and `decorate` copy what they change), its outline entry, and replays the
 * problems it reported and the characters it marked reported, in order, so the whole
 * layout equals a fresh one (tests/build/preview-reuse.test.ts compares PDF bytes).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diag/index.js';
import type { OutlineEntry } from '../frame/types.js';
import type { PreparedDiagram } from './context.js';
import type { PlacedPage } from './paginate.js';

/** What one component's layout made. */
export interface LaidComponent {
  pages: PlacedPage[];
  title: string;
  dest: string;
  outline: OutlineEntry;
  diagnostics: Diagnostic[];
  /** The `reportedMissing` keys it added, in order. */
  reported: string[];
  /** The other files its links looked up, with what they resolved against then (valid while equal). */
  links: Array<[string, string]>;
  /** `ctx.file` and `ctx.bodyLine` when it ended (the next component and the cover start from them). */
  file?: string;
  bodyLine: number;
}

/**
 * The store one `serve` session keeps (in the preview's worker): laid-out components by
 * key, and prepared flowcharts (ELK layouts) by `inputs`, language and name. Only what the
 * latest layout of each language used is kept.
 */
export class LayoutReuse {
  private readonly components = new Map<string, LaidComponent>();
  private readonly diagrams = new Map<string, PreparedDiagram | undefined>();
  /** Keys each language's latest layout used. */
  private readonly used = new Map<string, Set<string>>();
  /** Laid out / reused in the latest layout (for the log and the tests). */
  last = { laid: 0, reused: 0 };

  /** `inputs`: the fingerprint of what a layout reads besides the model's Markdown (see the module comment). */
  constructor(public inputs: string) {}

  key(parts: unknown): string {
    return createHash('sha256').update(this.inputs).update('\0').update(JSON.stringify(parts)).digest('hex');
  }

  component(key: string): LaidComponent | undefined {
    return this.components.get(key);
  }

  diagram(lang: string, name: string): { hit: boolean; value?: PreparedDiagram } {
    const k = this.key(['diagram', lang, name]);
    return this.diagrams.has(k) ? { hit: true, value: this.diagrams.get(k) } : { hit: false };
  }

  keepDiagram(lang: string, name: string, value: PreparedDiagram | undefined): void {
    this.diagrams.set(this.key(['diagram', lang, name]), value);
  }

  /** Ends a layout of `lang` that used `keys` (kept or new: `fresh`); drops what no language's latest layout used. */
  settle(lang: string, keys: Map<string, LaidComponent>, fresh: number): void {
    for (const [k, c] of keys) this.components.set(k, c);
    this.used.set(lang, new Set(keys.keys()));
    const live = new Set([...this.used.values()].flatMap((s) => [...s]));
    for (const k of [...this.components.keys()]) if (!live.has(k)) this.components.delete(k);
    this.last = { laid: fresh, reused: keys.size - fresh };
  }

  /** Flowcharts of an older `inputs` are dropped when it changes. */
  setInputs(inputs: string): void {
    if (inputs !== this.inputs) this.diagrams.clear();
    this.inputs = inputs;
  }
}
