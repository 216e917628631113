// The stage a step belongs to (for trainer notes), read from the latest milestone reached so far.
import type { Milestone, MilestoneId } from '../../../machines/case/types';
import { m } from '../../i18n/messages';

export type Stage = 'detection' | 'guardianship' | 'age' | 'placement' | 'reflection' | 'residence' | 'justice' | 'exit';

const STAGE_OF: Partial<Record<MilestoneId, Stage>> = {
  detected: 'detection', presumedVictim: 'detection', notIdentified: 'exit', nonPunishment: 'detection',
  reportedToGuardianshipService: 'guardianship', outsideGuardianshipScope: 'guardianship', guardianAppointed: 'guardianship',
  guardianshipEnded: 'guardianship', ageDoubted: 'age', borderDetention: 'age', ageAssessment: 'age', identifiedAsMinor: 'age',
  identifiedAsAdult: 'age', ageAppeal: 'age', observationCentre: 'placement', specialisedShelter: 'placement',
  specialisedCentre: 'placement', reflectionPeriod: 'reflection', minorResidenceDocument: 'reflection',
  registrationCertificate: 'residence', temporaryResidenceCard: 'residence', permanentResidence: 'residence',
  residenceWithdrawn: 'residence', statementGiven: 'justice', prosecutionDismissed: 'justice', requisitions: 'justice',
  conviction: 'justice', acquittal: 'justice', asylumApplication: 'exit', durableSolutionProcedure: 'exit',
  returned: 'exit', disappeared: 'exit', adultTrack: 'exit', turned18: 'exit',
};

export function stageOf(milestones: Milestone[]): Stage {
  for (let i = milestones.length - 1; i >= 0; i--) {
    const stage = STAGE_OF[milestones[i].id];
    if (stage) return stage;
  }
  return 'detection';
}

export const TRAINER_NOTES: Record<Stage, () => string> = {
  detection: m.note_detection,
  guardianship: m.note_guardianship,
  age: m.note_age,
  placement: m.note_placement,
  reflection: m.note_reflection,
  residence: m.note_residence,
  justice: m.note_justice,
  exit: m.note_exit,
};
