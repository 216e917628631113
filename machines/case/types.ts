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
  | 'turned18'
  // A document that ends without a decision: the durable-solution AI is issued only until majority (reference Stage 11).
  | 'documentLapsed'
  // Acts the law does not allow, recorded with their reason and basis so that nothing happens silently.
  | 'appealOutOfTime'
  | 'appealOutsideScope'
  | 'requestOutsideScope'
  | 'statementAfterReflectionPeriod';

export type OutcomeId =
  | 'permanentResidence'
  | 'temporaryResidence'
  | 'otherProcedure'
  | 'adultTrack'
  | 'returned'
  | 'disappeared'
  | 'notIdentified'
  | 'mustLeave';

/** The procedure the person is in at the horizon, beside what they hold (case-format.md, "Outcome and track"). */
export type TrackId = 'thb' | 'asylum' | 'durableSolution' | 'guardianship' | 'adult' | 'none';

/** A dated rule value a milestone was decided under: rule id and its first day in force (null: before the modelled period). */
export interface RuleUse {
  id: string;
  from: string | null;
  /** 'asReported' or the reform id, when the practice overlay or a reform replaced the law's value */
  overriddenBy?: string;
}

export interface Milestone {
  id: MilestoneId;
  date: string;
  /** days since detection (extension) */
  day: number;
  basis: string;
  source: string;
  /** the dated rule values this milestone was decided under (rules of its own day) */
  rules?: RuleUse[];
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
  /** what the person holds on the horizon day */
  outcome: OutcomeId;
  /** the procedure the person is in at the horizon */
  track: TrackId;
  /** extension: the day the outcome was reached (horizon when still open) */
  outcomeDay: number;
  horizonDays: number;
}
