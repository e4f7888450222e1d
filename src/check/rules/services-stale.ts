import { diagnostic } from '../../diag/index.js';
import { addMonths, parseIsoDate } from '../text.js';
import type { Rule } from '../types.js';
import { reviewIntervalMonths } from '../each.js';

/**
 * Seed 000: the service map is a living document, re-verified between SOP versions. A
 * map whose `last_verified` is older than the review interval (sop.yaml's, else the
 * profile's) is out of date: a warning, not an error, because the SOP itself may still be
 * current. No interval, no rule.
 */
export const servicesStale: Rule = {
  id: 'services-stale',
  severity: 'warning',
  description: 'the service map (data/services.yaml) was last verified longer ago than the review interval',
  help: 'Phone numbers, hours and focal points change faster than the SOP: check every service of data/services.yaml with its provider at least once per review interval (sop.yaml review.interval_months, else the profile\'s), then set last_verified to the date of that check.',
  run(ctx, report) {
    const { model } = ctx;
    const services = model.data.services;
    if (!services) return;
    const value = services.value as { last_verified?: unknown } | undefined;
    const verified = typeof value?.last_verified === 'string' ? parseIsoDate(value.last_verified) : undefined;
    if (!verified) return; // the schema check reports a missing or malformed date
    const months = reviewIntervalMonths(model);
    if (months === undefined) return;
    const due = addMonths(verified, months);
    if (due >= ctx.options.today) return;
    report(
      diagnostic(
        'services-stale',
        'warning',
        `${services.file}: the service map was last verified on ${String(value!.last_verified)}, more than ${months} months (the review interval) before today (${ctx.options.today})`,
        { ...services.positions.at('/last_verified'), file: services.file },
        'Call or visit every provider on the map, correct what changed, and set last_verified to the date of that check.',
      ),
    );
  },
};
