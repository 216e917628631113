// The glossary's definitions in the UI language (see glossary.ts for the terms). Loaded on demand.
import { m } from '../../i18n/messages';

export const DEFINITIONS: Record<string, () => string> = {
  mena: m.glossary_mena,
  coo: m.glossary_coo,
  guardianshipService: m.glossary_guardianship_service,
  tripleTest: m.glossary_triple_test,
  lowestAge: m.glossary_lowest_age,
  reflection: m.glossary_reflection,
  annex15: m.glossary_annex15,
  ai: m.glossary_ai,
  aCard: m.glossary_a_card,
  bCard: m.glossary_b_card,
  specialisedCentre: m.glossary_specialised_centre,
  shelter: m.glossary_shelter,
  dvz: m.glossary_dvz,
  durableSolution: m.glossary_durable_solution,
  nonPunishment: m.glossary_non_punishment,
  fiveConditions: m.glossary_five_conditions,
};
