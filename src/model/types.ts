import type { PositionMap } from '../diag/index.js';

/** Text per language code, e.g. `{ ar: '…', en: '…' }`. */
export type Localized = Record<string, string>;

// PositionMap lives in diag/ (validate/ places its messages with it and needs diag/ only, not
// model/); model's users keep reading it from here.
export type { PositionMap } from '../diag/index.js';

export interface Endorsement {
  version: string;
  date: string;
}

/** A person to contact about the SOP (issue 13, seed 000): the SOP's, or an agency's. */
export interface FocalPoint {
  name: string;
  role?: Localized;
  phone?: string;
  email?: string;
  /** The SOP focal point only: the id of their agency. */
  agency?: string;
}

export interface Agency {
  id: string;
  name: Localized;
  type?: string;
  focal_point?: FocalPoint;
  signatory?: { name: string; role?: Localized };
  endorsement?: Endorsement | null;
}

export interface ReviewRecord {
  date: string;
  objectives_met?: boolean;
  context_changed?: boolean;
  impractical_procedures?: boolean;
  consultations?: string;
  notes?: string;
  /** Answers to the profile's other review questions, by question id. */
  [answer: string]: boolean | string | undefined;
}

export interface Manifest {
  title: Localized;
  /** The SOP focal point (shown on the signature page). */
  focal_point?: FocalPoint;
  short_title?: Localized;
  region?: Localized;
  version: string;
  date: string;
  status: 'draft' | 'final';
  /** One of the profile's `contexts` (checked when the profile is loaded). */
  context: string;
  profile: string;
  languages: string[];
  digits?: Record<string, 'arab' | 'latn'>;
  paper?: 'A4' | 'Letter';
  review: { last: string; interval_months?: number; history?: ReviewRecord[] };
  page_limits?: { soft?: number; hard?: number };
  agencies: Agency[];
}

export interface ProfileStep {
  id: string;
  title: Localized;
  keywords: Record<string, string[]>;
}

export interface ProfileComponent {
  n: number;
  id: string;
  title: Localized;
  /** `signatures` (or `true`, the older spelling): the signature page, generated from sop.yaml. */
  generated?: boolean | 'signatures';
  /** Annex files satisfy this component when no section holds it. */
  annex_container?: boolean;
  steps?: ProfileStep[];
}

/** A topic the SOP must cover somewhere: a heading with one of its keywords (issue 13). */
export interface ProfileTopic {
  id: string;
  title: Localized;
  keywords: Record<string, string[]>;
  /** Component ids whose sections are searched; default: every section. */
  components?: string[];
  /** Contexts in which it is required; default: all. */
  contexts?: string[];
  /** `error` (default) or `warning` (recommended). */
  severity?: 'error' | 'warning';
}

export interface ProfileReviewQuestion {
  id: string;
  text: Localized;
  /** The answer that calls for an early revision of the SOP (default: true, "yes"). */
  early_review_if?: boolean;
}

/** One poster of a profile: a generic kind drawn from the data file `data/<data>.yaml`. */
export interface ProfilePoster {
  kind: 'decision-flow' | 'steps' | 'pathways' | 'organigram' | 'matrix' | 'priority-levels' | 'contact-card' | 'two-way-flow';
  data: string;
  /** Output file stem (default: `data`). */
  file?: string;
  /** English title of the PDF document (metadata), before the SOP stamp. */
  title?: string;
  /** PDF subject. */
  subject?: string;
  /** Also print the two-language poster (default true). */
  bilingual?: boolean;
}

export interface Profile {
  id: string;
  title: Localized;
  source?: string;
  placeholder_marker?: string;
  /** Context id → label per language; the values sop.yaml `context` may take. */
  contexts?: Record<string, Localized>;
  required: Record<string, 'all' | number[]>;
  page_limits?: { soft?: number; hard?: Record<string, number> };
  review?: { interval_months?: number; questions?: ProfileReviewQuestion[] };
  service_sectors?: string[];
  topics?: ProfileTopic[];
  /** Annexes the family should have, by their front-matter `kind`. */
  recommended_annexes?: { kind: string; title: Localized; severity?: 'error' | 'warning' | 'info' }[];
  init?: { templates?: string; title?: Localized; lead_agency?: Localized; context_note?: string };
  /** The posters this family prints, each a generic kind drawn from one data file (src/posters/kinds.ts); default: by data-file name. */
  posters?: ProfilePoster[];
  /** The poster entries (by `data`) the A6 pocket guide gathers, in booklet order; default: the CPCM five by data-file name. */
  pocket_guide?: string[];
  components: ProfileComponent[];
  /** Path of the profile file, relative to the SOP folder or `<sopkit>/templates/...`. */
  file: string;
}

/** One Markdown file: a section (`sections/<lang>/…`) or a Markdown annex (`annexes/<lang>/…`). */
export interface MarkdownFile {
  /** Relative path from the SOP folder, `/`-separated. */
  file: string;
  /** Language folder it lives in. */
  lang: string;
  /** File name without folder, e.g. `08-eligibility.md`; pairs a translation with its source. */
  name: string;
  /** Parsed front-matter (unvalidated: read through `validate/`). */
  frontMatter: Record<string, unknown>;
  /** Positions of front-matter keys and values. */
  positions: PositionMap;
  /** Markdown after the front-matter. */
  body: string;
  /** 1-based line of the file where `body` starts (add `bodyLine - 1` to mdast lines). */
  bodyLine: number;
  /** Fingerprint of this file's body (see model/fingerprint.ts). */
  fingerprint: string;
  /**
   * The front-matter block is not valid YAML (one `yaml-syntax` error says where): its
   * keys are unknown, so rules that need them leave this file out.
   */
  frontMatterBroken?: boolean;
}

export interface Section extends MarkdownFile {
  kind: 'section';
  component?: string;
  title?: string;
  owner?: string;
  order?: number;
  sourceFingerprint?: string;
}

export interface MarkdownAnnex extends MarkdownFile {
  kind: 'markdown-annex';
  number?: number;
  title?: string;
  sourceFingerprint?: string;
}

export interface PdfAnnex {
  kind: 'pdf-annex';
  /** Sidecar YAML, relative path. */
  file: string;
  /** The PDF, relative path (may not exist: `check` reports it). */
  pdf: string;
  number?: number;
  title?: Localized | string;
  language?: string;
  frontMatter: Record<string, unknown>;
  positions: PositionMap;
}

export type Annex = MarkdownAnnex | PdfAnnex;

export interface DataFile<T = unknown> {
  /** Name used by directives, e.g. `eligibility` for `data/eligibility.yaml`. */
  name: string;
  file: string;
  value: T;
  positions: PositionMap;
}

export interface SopModel {
  /** Absolute path of the SOP folder. Never written into outputs. */
  root: string;
  manifestFile: string;
  manifest: Manifest;
  manifestPositions: PositionMap;
  profile: Profile;
  /** Sections of every language, sorted by language order then file name. */
  sections: Section[];
  annexes: Annex[];
  data: Record<string, DataFile>;
}
