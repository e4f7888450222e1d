import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'unist';
import { diagnostic, didYouMean } from '../../diag/index.js';
import { checkSourcePathSync, resolveInside } from '../../fs/index.js';
import type { MarkdownFile, Section } from '../../model/index.js';
import { nodePosition } from '../context.js';
import { resolveAnchor, scopeAnchors, type HeadingTreeNode } from '../../i18n/index.js';
import { markdownFiles } from '../each.js';
import { eachNode } from '../scan.js';
import type { Rule } from '../types.js';

interface UrlNode extends Node {
  url: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The heading-anchor scopes of an SOP: per component (its section files in one language, in
 * reading order, keyed `lang:component`) and per Markdown annex (`file:path`), as the PDF and
 * the site hand anchors out (`i18n/slug.ts`).
 */
export function anchorScopes(sectionList: readonly MarkdownFile[], files: readonly MarkdownFile[]): { scopeKey: (f: MarkdownFile) => string; scopes: Map<string, MarkdownFile[]> } {
  const sections = new Set<MarkdownFile>(sectionList);
  const scopeKey = (f: MarkdownFile) => {
    if (!sections.has(f)) return `file:${f.file}`;
    const s = f as Section;
    return `${s.lang}:${s.component ?? (typeof s.frontMatter.component === 'string' ? s.frontMatter.component : s.name.replace(/\.md$/, ''))}`;
  };
  const scopes = new Map<string, MarkdownFile[]>();
  for (const f of files) scopes.set(scopeKey(f), [...(scopes.get(scopeKey(f)) ?? []), f]);
  for (const list of scopes.values()) list.sort((a, b) => ((a as Section).order ?? 0) - ((b as Section).order ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { scopeKey, scopes };
}

/**
 * Links inside the SOP: `#anchor` in the same component (or annex), `other-file.md#anchor` to another
 * section or annex, and relative files (images, PDFs). External URLs are not fetched.
 */
export const linkBroken: Rule = {
  id: 'link-broken',
  severity: 'error',
  description: 'a link points at a heading anchor, section or file that does not exist',
  help: 'Link to a heading of the same component with [text](#heading-text) (the anchor is the heading in lower case, with "-" between words; a repeated heading gets -1, -2…), to another section by its file name relative to this one, e.g. [eligibility](08-eligibility.md#criteria), and to files inside the SOP folder only.',
  run(ctx, report) {
    const { model } = ctx;
    const files: MarkdownFile[] = markdownFiles(model);
    const byPath = new Map(files.map((f) => [f.file, f]));
    const { scopeKey, scopes } = anchorScopes(model.sections, files);
    const anchorCache = new Map<string, Set<string>>();
    const anchors = (f: MarkdownFile) => {
      const key = scopeKey(f);
      let a = anchorCache.get(key);
      if (!a) anchorCache.set(key, (a = new Set(scopeAnchors(scopes.get(key)!.map((x) => ctx.view(x).tree as HeadingTreeNode)))));
      return a;
    };
    for (const f of files) {
      eachNode(ctx.view(f).tree, (node: Node) => {
        if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
        const url = (node as UrlNode).url ?? '';
        if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return;
        const at = nodePosition(f, node);
        const hashAt = url.indexOf('#');
        const filePart = decode(hashAt >= 0 ? url.slice(0, hashAt) : url).split('?')[0]!;
        const anchor = hashAt >= 0 ? decode(url.slice(hashAt + 1)) : '';
        let target: MarkdownFile | undefined = f;
        if (filePart) {
          const rel = path.posix.normalize(path.posix.join(path.posix.dirname(f.file), filePart));
          const abs = resolveInside(model.root, rel);
          if (!abs || rel.startsWith('..')) {
            report(diagnostic('link-broken', 'error', `the link "${url}" points outside the SOP folder`, at, 'Link only to files inside the SOP folder.'));
            return;
          }
          target = byPath.get(rel);
          // The links-and-paths policy: a linked file (an image) that leads outside the SOP folder.
          const checked = target ? undefined : checkSourcePathSync(model.root, rel);
          if (checked && !checked.ok && !checked.missing) {
            report({ ...checked.diagnostic, ...at });
            return;
          }
          if (!target && !existsSync(abs)) {
            const guess = didYouMean(path.posix.basename(rel), files.filter((x) => x.lang === f.lang).map((x) => x.name));
            report(diagnostic('link-broken', 'error', `the link "${url}" points at ${rel}, which does not exist${guess ? ` — did you mean "${guess}"?` : ''}`, at, 'Link paths are relative to this file: a section in the same language is just its file name, e.g. 08-eligibility.md.'));
            return;
          }
        }
        if (!anchor || !target) return;
        const known = anchors(target);
        if (resolveAnchor(known, anchor) !== undefined) return;
        const guess = didYouMean(anchor, [...known]);
        // A warning: the outputs keep the link's words (the PDF as plain text, the site as a
        // link to nowhere on the page); nothing is lost, but the reader cannot jump.
        report(
          diagnostic(
            'link-broken',
            'warning',
            `the link "${url}" points at the heading "#${anchor}", which does not exist in ${target.file}${guess ? ` — did you mean "#${guess}"?` : ''}`,
            at,
            'An anchor is a heading\'s text in lower case with "-" between words; check the heading still exists.',
          ),
        );
      });
    }
  },
};
