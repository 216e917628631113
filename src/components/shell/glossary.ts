// Legal terms explained in the UI language; the term itself keeps its official (source-language) form.
import { m } from '../../i18n/messages';

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: () => string;
}

export const GLOSSARY: GlossaryEntry[] = [
  { id: 'mena', term: 'MENA / NBMV', definition: m.glossary_mena },
  { id: 'coo', term: 'COO / OOC', definition: m.glossary_coo },
  { id: 'guardianshipService', term: 'Service des Tutelles / Dienst Voogdij', definition: m.glossary_guardianship_service },
  { id: 'tripleTest', term: 'Triple test', definition: m.glossary_triple_test },
  { id: 'lowestAge', term: 'Art. 7 §3 (lowest age)', definition: m.glossary_lowest_age },
  { id: 'reflection', term: 'Reflection period', definition: m.glossary_reflection },
  { id: 'annex15', term: 'Annex 15', definition: m.glossary_annex15 },
  { id: 'ai', term: 'AI (attestation d\'immatriculation)', definition: m.glossary_ai },
  { id: 'aCard', term: 'A card', definition: m.glossary_a_card },
  { id: 'bCard', term: 'B card', definition: m.glossary_b_card },
  { id: 'specialisedCentre', term: 'Payoke / PAG-ASA / Sürya', definition: m.glossary_specialised_centre },
  { id: 'shelter', term: 'Esperanto / Minor-Ndako / Meza', definition: m.glossary_shelter },
  { id: 'dvz', term: 'DVZ / OE (Immigration Office)', definition: m.glossary_dvz },
  { id: 'durableSolution', term: 'Durable solution', definition: m.glossary_durable_solution },
  { id: 'nonPunishment', term: 'Non-punishment', definition: m.glossary_non_punishment },
  { id: 'fiveConditions', term: 'Five conditions', definition: m.glossary_five_conditions },
];
