// Who acts at each milestone: the one table the timeline's swimlanes read (reference.md, stages 0–11).
import type { MilestoneId } from '../../../machines/case/types';

export const ACTORS = ['police', 'immigrationOffice', 'guardianshipService', 'guardian', 'centre', 'prosecutor'] as const;
export type Actor = (typeof ACTORS)[number];

export const MILESTONE_ACTOR: Record<MilestoneId, Actor> = {
  detected: 'police',
  presumedVictim: 'police',
  notIdentified: 'police',
  statementGiven: 'police',
  reportedToGuardianshipService: 'police',
  nonPunishment: 'prosecutor',
  prosecutionDismissed: 'prosecutor',
  requisitions: 'prosecutor',
  conviction: 'prosecutor',
  acquittal: 'prosecutor',
  outsideGuardianshipScope: 'guardianshipService',
  ageDoubted: 'guardianshipService',
  ageAssessment: 'guardianshipService',
  identifiedAsMinor: 'guardianshipService',
  identifiedAsAdult: 'guardianshipService',
  guardianAppointed: 'guardianshipService',
  guardianshipEnded: 'guardianshipService',
  turned18: 'guardianshipService',
  ageAppeal: 'guardian',
  durableSolutionProcedure: 'guardian',
  asylumApplication: 'guardian',
  borderDetention: 'immigrationOffice',
  reflectionPeriod: 'immigrationOffice',
  minorResidenceDocument: 'immigrationOffice',
  registrationCertificate: 'immigrationOffice',
  temporaryResidenceCard: 'immigrationOffice',
  permanentResidence: 'immigrationOffice',
  residenceWithdrawn: 'immigrationOffice',
  returned: 'immigrationOffice',
  adultTrack: 'immigrationOffice',
  observationCentre: 'centre',
  specialisedShelter: 'centre',
  specialisedCentre: 'centre',
  disappeared: 'centre',
};

/** Okabe–Ito colours and a distinct marker shape per lane, so lanes never rely on colour alone. */
export const ACTOR_STYLE: Record<Actor, { colour: string; shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'cross' }> = {
  police: { colour: '#0072B2', shape: 'circle' },
  immigrationOffice: { colour: '#D55E00', shape: 'square' },
  guardianshipService: { colour: '#009E73', shape: 'diamond' },
  guardian: { colour: '#CC79A7', shape: 'triangle' },
  centre: { colour: '#E69F00', shape: 'star' },
  prosecutor: { colour: '#000000', shape: 'cross' },
};

export function getActor(id: string): Actor | undefined {
  return (MILESTONE_ACTOR as Record<string, Actor>)[id];
}
