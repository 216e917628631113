// The engine's public contract: ../shared/domain/case-format.md ("pathway-case/1" in, "pathway-trace/1" out).
// Extensions to the contract are optional fields only (marked "extension"). The case file itself is
// defined once, as a schema (schema.ts); its type is inferred from it.

import type { CaseFile } from './schema';
export type { CaseFile } from './schema';

export type Practice = NonNullable<CaseFile['practice']>;
export type ReformId =
  | 'noCooperationCondition'
  | 'presumptionOfMinority'
  | 'multiAgencyAgeAssessment'
  | 'guardianForEveryChild'
  | 'specialisedShelterEveryRegion';
export type Region = CaseFile['detection']['region'];
export type Exploitation = CaseFile['detection']['exploitation'];
type Assessment = NonNullable<NonNullable<CaseFile['age']>['assessment']>;
export type ExamResult = Extract<Assessment, { exams: unknown }>['exams'][number];
export type ExamKind = ExamResult['exam'];
export type AgeRange = Pick<ExamResult, 'low' | 'high'>;

export type ConditionId = 'statement' | 'definition' | 'cooperation' | 'tiesCut' | 'publicOrder';
export type ConditionStatus = 'met' | 'unmet' | 'pending';
export type VictimStatusConditions = Record<ConditionId, ConditionStatus>;

export type MilestoneId =
  | 'detected'
  | 'presumedVictim'
  | 'notIdentified'
  | 'nonPunishment'
  | 'reportedToGuardianshipService'
  | 'outsideGuardianshipScope'
  | 'ageDoubted'
  | 'borderDetention'
  | 'ageAssessment'
  | 'identifiedAsMinor'
  | 'identifiedAsAdult'
  | 'ageAppeal'
  | 'guardianAppointed'
  | 'guardianshipEnded'
  | 'observationCentre'
  | 'specialisedShelter'
  | 'specialisedCentre'
  | 'reflectionPeriod'
  | 'minorResidenceDocument'
  | 'registrationCertificate'
  | 'temporaryResidenceCard'
  | 'permanentResidence'
  | 'residenceWithdrawn'
  | 'statementGiven'
  | 'prosecutionDismissed'
  | 'requisitions'
  | 'conviction'
  | 'acquittal'
  | 'asylumApplication'
  | 'durableSolutionProcedure'
  | 'returned'
  | 'disappeared'
  | 'adultTrack'
  | 'turned18';

export type OutcomeId =
  | 'permanentResidence'
  | 'temporaryResidence'
  | 'otherProcedure'
  | 'adultTrack'
  | 'returned'
  | 'disappeared'
  | 'notIdentified'
  | 'mustLeave';

export interface Milestone {
  id: MilestoneId;
  date: string;
  /** days since detection (extension) */
  day: number;
  basis: string;
  source: string;
  [attribute: string]: unknown;
}

export interface Trace {
  format: 'pathway-trace/1';
  rulesInForce: string;
  practice: Practice;
  reforms: ReformId[];
  person: { ageOfRecord: number; eea: boolean; minor: boolean };
  milestones: Milestone[];
  victimStatusConditions: VictimStatusConditions;
  assumptions: string[];
  outcome: OutcomeId;
  /** extension: the day the outcome was reached (horizon when still open) */
  outcomeDay: number;
  horizonDays: number;
}
