import { diagnostic, didYouMean } from '../../diag/index.js';
import type { DataFile } from '../../model/index.js';
import type { Report, Rule } from '../types.js';

const ID = /^[a-z0-9-]+$/;

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function checkRef(report: Report, d: DataFile, pointer: string, value: unknown, known: string[], what: string, where: string, hint: string): void {
  if (typeof value !== 'string' || known.includes(value)) return;
  const guess = didYouMean(value, known);
  report(
    diagnostic('data-reference', 'error', `${d.file}: ${what} "${value}" is not ${where}${guess ? ` — did you mean "${guess}"?` : ''}`, { ...d.positions.at(pointer), file: d.file }, hint),
  );
}

/** Cross-references between data files: pathway steps → services, agencies → sop.yaml. */
export const dataReference: Rule = {
  id: 'data-reference',
  severity: 'error',
  description: 'a data file refers to a service or agency id that does not exist',
  help: 'Referral pathway steps name a service id from data/services.yaml; services and urgent-action contacts name an agency by its id in sop.yaml (a value that is not an id, e.g. "Al-Amal Clinic", is taken as a provider name and not checked).',
  run(ctx, report) {
    const { model } = ctx;
    const agencyIds = model.manifest.agencies.map((a) => a.id);
    const services = model.data.services;
    const serviceIds = list(obj(services?.value).services).map((s) => obj(s).id).filter((x): x is string => typeof x === 'string');
    const agencyHint = `Use an agency id from sop.yaml (${agencyIds.join(', ')}), or write the provider's full name.`;

    const pathways = model.data.pathways;
    if (pathways) {
      list(obj(pathways.value).pathways).forEach((p, i) => {
        list(obj(p).steps).forEach((s, j) => {
          const ptr = `/pathways/${i}/steps/${j}/service`;
          if (!services) {
            if (j === 0 && i === 0) report(diagnostic('data-reference', 'error', `${pathways.file} refers to services, but data/services.yaml does not exist`, { ...pathways.positions.at(ptr), file: pathways.file }, 'Create data/services.yaml with the service map.'));
            return;
          }
          checkRef(report, pathways, ptr, obj(s).service, serviceIds, 'service', 'in data/services.yaml', `Use a service id from data/services.yaml, or add the service there.`);
        });
      });
    }
    if (services) {
      const seen = new Set<string>();
      list(obj(services.value).services).forEach((s, i) => {
        const id = obj(s).id;
        if (typeof id === 'string') {
          if (seen.has(id)) report(diagnostic('data-reference', 'error', `${services.file}: the service id "${id}" is used twice`, { ...services.positions.at(`/services/${i}/id`), file: services.file }, 'Give every service its own id: referral pathways name services by id.'));
          seen.add(id);
        }
      });
      list(obj(services.value).services).forEach((s, i) => {
        const a = obj(s).agency;
        if (typeof a === 'string' && ID.test(a)) checkRef(report, services, `/services/${i}/agency`, a, agencyIds, 'agency', 'an agency in sop.yaml', agencyHint);
      });
    }
    const urgent = model.data['urgent-action'];
    if (urgent) {
      list(obj(urgent.value).contacts).forEach((c, i) => {
        const a = obj(c).agency;
        if (typeof a === 'string' && ID.test(a)) checkRef(report, urgent, `/contacts/${i}/agency`, a, agencyIds, 'agency', 'an agency in sop.yaml', agencyHint);
      });
    }
  },
};
