// Legal terms explained in the UI language; the term itself keeps its official (source-language) form. The
// definitions (four languages, long) live in glossaryDefinitions.ts, loaded only when a definition is shown, so
// they stay out of the first page load.
import type { MilestoneId } from '../../../machines/case/types';

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Milestones whose step card offers this term as a pop-over. */
  milestones: MilestoneId[];
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'mena',
    term: 'MENA / NBMV',
    milestones: ['reportedToGuardianshipService', 'outsideGuardianshipScope'],
  },
  { id: 'coo', term: 'COO / OOC', milestones: ['observationCentre'] },
  {
    id: 'guardianshipService',
    term: 'Service des Tutelles / Dienst Voogdij',
    milestones: ['reportedToGuardianshipService', 'guardianAppointed', 'guardianshipEnded'],
  },
  {
    id: 'tripleTest',
    term: 'Triple test',
    milestones: ['ageDoubted', 'ageAssessment'],
  },
  {
    id: 'lowestAge',
    term: 'Art. 7 §3 (lowest age)',
    milestones: ['ageAssessment', 'identifiedAsMinor', 'identifiedAsAdult'],
  },
  {
    id: 'reflection',
    term: 'Reflection period',
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'annex15',
    term: 'Annex 15',
    milestones: ['reflectionPeriod'],
  },
  {
    id: 'ai',
    term: "AI (attestation d'immatriculation)",
    milestones: ['registrationCertificate'],
  },
  {
    id: 'aCard',
    term: 'A card',
    milestones: ['temporaryResidenceCard'],
  },
  {
    id: 'bCard',
    term: 'B card',
    milestones: ['permanentResidence'],
  },
  {
    id: 'specialisedCentre',
    term: 'Payoke / PAG-ASA / Sürya',
    milestones: ['specialisedCentre'],
  },
  {
    id: 'shelter',
    term: 'Esperanto / Minor-Ndako / Meza',
    milestones: ['specialisedShelter'],
  },
  {
    id: 'dvz',
    term: 'DVZ / OE (Immigration Office)',
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
    milestones: ['durableSolutionProcedure'],
  },
  {
    id: 'nonPunishment',
    term: 'Non-punishment',
    milestones: ['nonPunishment'],
  },
  {
    id: 'fiveConditions',
    term: 'Five conditions',
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
