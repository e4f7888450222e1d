import type { DigitStyle } from '../../i18n/index.js';
import type { SopModel } from '../../model/types.js';
import type { Diagram } from '../../diagram/index.js';

/** Everything a renderer needs to know about the page it renders into. */
export interface RenderContext {
  model: SopModel;
  lang: string;
  dir: 'rtl' | 'ltr';
  digits: DigitStyle;
  /** Laid-out diagrams by data name (`eligibility`, `case-steps`), computed before rendering (ELK is async). */
  diagrams: Record<string, Diagram>;
  /** Relative URL of the services page from this page (service ids are anchors there). */
  servicesHref: string;
  /** Service ids rendered on this page: pathway steps link to them in place. */
  servicesOnPage: boolean;
}
