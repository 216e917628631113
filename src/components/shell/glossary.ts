// Legal terms explained in the UI language; the term itself keeps its official (source-language) form.
import type { MilestoneId } from '../../../machines/case/types';
import { m } from '../../i18n/messages';

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: () => string;
  /** Milestones whose step card offers this term as a pop-over. */
  milestones: MilestoneId[];
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'mena',
    term: 'MENA / NBMV',
    definition: m.glossary_mena,
    milestones: ['reportedToGuardianshipService', 'outsideGuardianshipScope'],
  },
  { id: 'coo', term: 'COO / OOC', definition: m.glossary_coo, milestones: ['observationCentre'] },
  {
    id: 'guardianshipService',
    term: 'Service des Tutelles / Dienst Voogdij',
    definition: m.glossary_guardianship_service,
    milestones: ['reportedToGuardianshipService', 'guardianAppointed', 'guardianshipEnded'],
  },
  {
    id: 'tripleTest',
    term: 'Triple test',
    definition: m.glossary_triple_test,
    milestones: ['ageDoubted', 'ageAssessment'],
  },
  {
    id: 'lowestAge',
    term: 'Art. 7 §3 (lowest age)',
    definition: m.glossary_lowest_age,
    milestones: ['ageAssessment', 'identifiedAsMinor', 'identifiedAsAdult'],
  },
  {
    id: 'reflection',
    term: 'Reflection period',
    definition: m.glossary_reflection,
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'annex15',
    term: 'Annex 15',
    definition: m.glossary_annex15,
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'ai',
    term: "AI (attestation d'immatriculation)",
    definition: m.glossary_ai,
    milestones: ['registrationCertificate'],
  },
  {
    id: 'aCard',
    term: 'A card',
    definition: m.glossary_a_card,
    milestones: ['temporaryResidenceCard'],
  },
  {
    id: 'bCard',
    term: 'B card',
    definition: m.glossary_b_card,
    milestones: ['permanentResidence'],
  },
  {
    id: 'specialisedCentre',
    term: 'Payoke / PAG-ASA / Sürya',
    definition: m.glossary_specialised_centre,
    milestones: ['specialisedCentre'],
  },
  {
    id: 'shelter',
    term: 'Esperanto / Minor-Ndako / Meza',
    definition: m.glossary_shelter,
    milestones: ['specialisedShelter'],
  },
  {
    id: 'dvz',
    term: 'DVZ / OE (Immigration Office)',
    definition: m.glossary_dvz,
    milestones: [
      'reportedToGuardianshipService',
      'reflectionPeriod',
      'minorResidenceDocument',
      'adultTrack',
    ],
  },
  {
    id: 'durableSolution',
    term: 'Durable solution',
    definition: m.glossary_durable_solution,
    milestones: ['durableSolutionProcedure'],
  },
  {
    id: 'nonPunishment',
    term: 'Non-punishment',
    definition: m.glossary_non_punishment,
    milestones: ['nonPunishment'],
  },
  {
    id: 'fiveConditions',
    term: 'Five conditions',
    definition: m.glossary_five_conditions,
    milestones: [
      'minorResidenceDocument',
      'registrationCertificate',
      'temporaryResidenceCard',
      'residenceWithdrawn',
    ],
  },
];

export function glossaryFor(milestone: MilestoneId): GlossaryEntry[] {
  return GLOSSARY.filter((entry) => entry.milestones.includes(milestone));
}
