// The engine's public contract: ../shared/domain/case-format.md ("pathway-case/1" in, "pathway-trace/1" out).
// Extensions to the contract are optional fields only (marked "extension").

export type Practice = 'asWritten' | 'asReported';
export type ReformId =
  | 'noCooperationCondition'
  | 'presumptionOfMinority'
  | 'multiAgencyAgeAssessment'
  | 'guardianForEveryChild'
  | 'specialisedShelterEveryRegion';
export type Region = 'brussels' | 'flanders' | 'wallonia';
export type Exploitation = 'sexual' | 'labour' | 'criminal' | 'begging' | 'unknown' | 'none';
export type ExamKind = 'dental' | 'wrist' | 'collarbone';

export interface AgeRange {
  low: number;
  high: number;
}
export interface ExamResult extends AgeRange {
  exam: ExamKind;
}

export interface CaseFile {
  format: 'pathway-case/1';
  title?: string;
  /** ISO date the person is first detected; selects the rules in force. */
  date: string;
  practice?: Practice;
  reforms?: ReformId[];
  person: {
    declaredAge?: number;
    declaredBirthDate?: string;
    nationality: string;
    sex?: 'female' | 'male' | 'other';
  };
  detection: {
    place: 'territory' | 'border';
    region: Region;
    exploitation: Exploitation;
    indicatorsRecognised: boolean;
    asylumApplication?: boolean;
    traffickingResidenceRequested?: boolean;
    /** extension: an EEA child "in a situation of vulnerability" (law of 12 May 2014). Default: presumed victim. */
    vulnerable?: boolean;
  };
  age?: {
    doubted: boolean;
    assessment?: AgeRange | { exams: ExamResult[] } | { refused: true };
    /** extension: the psychosocial interview's finding (used by the multiAgencyAgeAssessment reform). */
    interviewFindsMinor?: boolean;
    /** extension: appeal to the Council of State against an "adult" decision. */
    appeal?: { day: number; outcome?: 'annulled' | 'rejected' | 'pending'; decisionDay?: number };
  };
  cooperation?: { statementDay: number | null };
  tiesCut?: boolean | { contactResumedDay: number };
  publicOrderRisk?: boolean;
  prosecution?: {
    outcome: 'conviction' | 'acquittal' | 'dismissed' | 'pending';
    day?: number;
    requisitionsRetainTrafficking?: boolean;
    /** extension: day of the prosecutor's final requisitions (default: the judgment day). */
    requisitionsDay?: number;
  };
  disappearsDay?: number | null;
  durableSolution?: {
    requestedDay: number;
    decision?: 'stay' | 'return' | 'reunification';
    /** extension: day of the decision (default: 90 days after the request). */
    decisionDay?: number;
  };
  horizonDays?: number;
}

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
  outcome: OutcomeId;
  /** extension: the day the outcome was reached (horizon when still open) */
  outcomeDay: number;
  horizonDays: number;
}
