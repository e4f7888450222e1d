import type { Localized } from '../../model/types.js';

/** Shapes of the data files as the schemas in `schemas/` define them (validated by the loader). */
export interface EligibilityData {
  title?: Localized;
  criteria: { id: string; text: Localized }[];
  flow: { nodes: { id: string; type: 'start' | 'decision' | 'action' | 'outcome'; label: Localized }[]; edges: { from: string; to: string; label?: Localized }[] };
}
export interface CaseStepsData {
  title?: Localized;
  steps: { id: string; title: Localized; key_actions: Localized[]; timeline?: Localized; next?: string[] }[];
}
export interface PrioritisationData {
  title?: Localized;
  levels: { id: string; label: Localized; colour?: string; definition: Localized; examples?: Localized[]; response_time: { hours: number; text: Localized }; follow_up?: Localized }[];
}
export interface UrgentActionData {
  title?: Localized;
  triggers: Localized[];
  actions: Localized[];
  contacts: { name: Localized; agency?: string; phone: string; hours?: Localized }[];
  notes?: Localized;
}
export interface Service {
  id: string; sector: string; agency: string; name: Localized; location: Localized;
  contact: { phone?: string; email?: string; person?: string };
  hours?: Localized; ages?: string; notes?: Localized; last_verified?: string;
}
export interface ServicesData {
  last_verified: string;
  sectors?: Record<string, Localized>;
  services: Service[];
}
export interface PathwaysData {
  title?: Localized;
  pathways: { id: string; concern: Localized; steps: { service: string; action: Localized; timeframe?: Localized }[] }[];
}
