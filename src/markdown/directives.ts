/**
 * The directives a section may use to embed data (remark-directive leaf syntax,
 * e.g. `::flowchart{data=eligibility}`). One list shared by check, site and PDF.
 */
export interface DirectiveSpec {
  name: string;
  /** Data files the directive may point at with `data=…`; empty when it takes none. */
  data: string[];
  description: string;
}

export const DIRECTIVES: readonly DirectiveSpec[] = [
  { name: 'criteria', data: ['eligibility'], description: 'the eligibility criteria as a list' },
  { name: 'flowchart', data: ['eligibility', 'case-steps', 'organigram'], description: 'a decision flow, the case-management steps or an organigram as a diagram' },
  { name: 'matrix', data: ['prioritisation'], description: 'the prioritisation matrix as a table' },
  { name: 'card', data: ['urgent-action'], description: 'the urgent-action referral card' },
  { name: 'services', data: ['services'], description: 'the service map as a table' },
  { name: 'pathways', data: ['pathways'], description: 'the referral pathways' },
  { name: 'table', data: ['relationships'], description: 'a rows × columns table (the graded relationships)' },
  { name: 'signatures', data: [], description: 'the signature page generated from sop.yaml agencies' },
  { name: 'pagebreak', data: [], description: 'an explicit page break in the PDF' },
];

export function findDirective(name: string): DirectiveSpec | undefined {
  return DIRECTIVES.find((d) => d.name === name);
}
