import { LineBreaker } from '../vendor/unicode.js';

export interface BreakOpportunity {
  /** UTF-16 index where the next line may start. */
  position: number;
  required: boolean;
}

/** UAX #14 break opportunities of a paragraph (the end of the text is always one). */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const breaker = new LineBreaker(text);
  const out: BreakOpportunity[] = [];
  let bk;
  while ((bk = breaker.nextBreak())) out.push({ position: bk.position, required: bk.required });
  if (out.length === 0 || out[out.length - 1]!.position !== text.length) out.push({ position: text.length, required: false });
  return out;
}
