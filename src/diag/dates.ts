/**
 * Why a YYYY-MM-DD string is not a date, in words a user can act on: one message for
 * every place sopkit reads a date (sop.yaml, endorsements, reviews, services'
 * `last_verified`, and the `--date`/`--today` options).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** undefined for a real calendar day written YYYY-MM-DD; otherwise what is wrong with it. */
export function dateProblem(d: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return `"${d}" is not a date written YYYY-MM-DD`;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `"${d}" is not a date: there is no month ${m[2]}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (day < 1 || day > days) return `"${d}" is not a date: ${MONTHS[mo - 1]} ${y} has ${days} days`;
  return undefined;
}
