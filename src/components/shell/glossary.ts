// Legal terms explained in the UI language; the term itself keeps its official (source-language) form. The
// definitions (four languages, long) live in glossaryDefinitions.ts, loaded only when a definition is shown, so
// they stay out of the first page load.
import type { MilestoneId } from '../../../machines/case/types';
import { m } from '../../i18n/messages';

export interface GlossaryEntry {
  id: string;
  /** Official names stay as written (a constant); descriptive terms come from the catalogue. */
  term: () => string;
  /** Milestones whose step card offers this term as a pop-over. */
  milestones: MilestoneId[];
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'mena',
    term: () => 'MENA / NBMV',
    milestones: ['reportedToGuardianshipService', 'outsideGuardianshipScope'],
  },
  { id: 'coo', term: () => 'COO / OOC', milestones: ['observationCentre'] },
  {
    id: 'guardianshipService',
    term: () => 'Service des Tutelles / Dienst Voogdij',
    milestones: ['reportedToGuardianshipService', 'guardianAppointed', 'guardianshipEnded'],
  },
  {
    id: 'tripleTest',
    term: m.term_triple_test,
    milestones: ['ageDoubted', 'ageAssessment'],
  },
  {
    id: 'lowestAge',
    term: m.term_lowest_age,
    milestones: ['ageAssessment', 'identifiedAsMinor', 'identifiedAsAdult'],
  },
  {
    id: 'reflection',
    term: m.term_reflection,
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'annex15',
    term: m.term_annex15,
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'ai',
    term: () => "AI (attestation d'immatriculation)",
    milestones: ['registrationCertificate'],
  },
  {
    id: 'aCard',
    term: m.term_a_card,
    milestones: ['temporaryResidenceCard'],
  },
  {
    id: 'bCard',
    term: m.term_b_card,
    milestones: ['permanentResidence'],
  },
  {
    id: 'specialisedCentre',
    term: () => 'Payoke / PAG-ASA / Sürya',
    milestones: ['specialisedCentre'],
  },
  {
    id: 'shelter',
    term: () => 'Esperanto / Minor-Ndako / Meza',
    milestones: ['specialisedShelter'],
  },
  {
    id: 'dvz',
    term: m.term_dvz,
    milestones: [
      'reportedToGuardianshipService',
      'reflectionPeriod',
      'minorResidenceDocument',
      'adultTrack',
    ],
  },
  {
    id: 'durableSolution',
    term: m.term_durable_solution,
    milestones: ['durableSolutionProcedure'],
  },
  {
    id: 'nonPunishment',
    term: m.term_non_punishment,
    milestones: ['nonPunishment'],
  },
  {
    id: 'fiveConditions',
    term: m.term_five_conditions,
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
