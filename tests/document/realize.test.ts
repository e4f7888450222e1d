import { describe, expect, it } from 'vitest';
import { cloneTree, parseBody, realizeDirective, realizedOf } from '../../src/document/index.js';
import type { DataFile } from '../../src/model/types.js';

const file = (name: string): DataFile => ({ name, file: `data/${name}.yaml`, value: { name }, positions: undefined as never });
const data = { eligibility: file('eligibility'), 'case-steps': file('case-steps'), pathways: file('pathways') };

describe('realizeDirective', () => {
  it('unknown names, and the directives that take no data', () => {
    expect(realizeDirective(data, 'flowchat', {})).toEqual({ kind: 'unknown', name: 'flowchat' });
    expect(realizeDirective(data, 'pagebreak', {})).toEqual({ kind: 'pagebreak' });
    expect(realizeDirective(data, 'signatures', { data: 'x' })).toEqual({ kind: 'signatures' });
  });

  it('the named file (the PDF\'s), and the accepted one (the site\'s)', () => {
    const steps = realizeDirective(data, 'flowchart', { data: 'case-steps' });
    expect(steps.kind === 'flowchart' && [steps.data.file, steps.shown.file]).toEqual([data['case-steps'], data['case-steps']]);
    const byDefault = realizeDirective(data, 'flowchart', {});
    expect(byDefault.kind === 'flowchart' && byDefault.data.name).toBe('eligibility');
    // A name the directive does not take: the PDF reports data/foo.yaml missing, the site shows its default.
    const wrong = realizeDirective(data, 'criteria', { data: 'foo' });
    expect(wrong.kind === 'criteria' && [wrong.data.name, wrong.data.file, wrong.shown.name, wrong.shown.file]).toEqual(['foo', undefined, 'eligibility', data.eligibility]);
    const paths = realizeDirective(data, 'pathways', {});
    expect(paths.kind === 'pathways' && [paths.shown.file, paths.services]).toEqual([data.pathways, { name: 'services', file: undefined }]);
  });
});

describe('cloneTree', () => {
  it('copies nodes but keeps the realized directive by reference', () => {
    const tree = parseBody('# T\n\n::flowchart{data=eligibility}\n');
    const d = tree.children[1]!;
    const sop = realizeDirective(data, 'flowchart', { data: 'eligibility' });
    d.data = { sop } as never;
    const copy = cloneTree(tree);
    expect(copy).toEqual(tree);
    expect(copy.children[1]).not.toBe(d);
    expect(realizedOf(copy.children[1]!)).toBe(sop);
    (copy.children[0] as { depth: number }).depth = 3;
    expect((tree.children[0] as { depth: number }).depth).toBe(1);
  });
});
