// Case file → the facts the machine reads (its context), with every default the engine assumes named in ASSUMPTIONS.
import { addMonths, addYears, ageOn, daysBetween } from '../dates';
import { isEeaNationalOn } from '../rules/eea';
import type { RulesInForce } from '../rules/rules';
import { createRulesByDay } from './rulesByDay';
import type { AgeRange, CaseFile, ExamResult, Practice, ReformId } from './types';
import { DEFAULT_HORIZON_DAYS } from './defaults';

export const ASSUMPTIONS = {
  birthdayOnDetection:
    'A declared age in whole years is taken as just reached on the detection date (the person turns 18 after 18 − age full years).',
  vulnerableWhenPresumedVictim:
    'An EEA/Swiss child presumed to be a trafficking victim is taken to be "in a situation of vulnerability" (law of 12 May 2014).',
  doubtWithoutResult: 'Age doubted but no test result given: the test is taken to confirm the declared age.',
  refusedTestAdult: 'A refused age test is taken to end in an "adult" decision by the Guardianship Service.',
  noTestDeclaredAge: 'When no medical test is carried out, the declared age is kept.',
  doctorPointEstimate:
    'asReported: the doctor’s conclusion is the mean of the examinations’ mid-points, margins of error ignored.',
  adultAgeOfRecord: 'Found adult: the age of record is the lowest estimate of the test (18 if the test was refused).',
  exploitationUnknownPending:
    'Exploitation "unknown": whether the facts fit art 433quinquies stays pending until the prosecutor qualifies them (conviction or requisitions).',
  sameDayReferral:
    'A presumed victim is referred to a specialised (procedure) centre on the day of detection, and to a minors’ shelter the next day.',
  residenceWaitsForAgeDecision: 'While the age is doubted, the residence document waits for the age decision.',
  statementAfterReflection:
    'A statement made after the reflection document expired does not reopen the residence track (the criminal file still goes on).',
  dismissalFailsStatement:
    'A dismissal ends the complaint "lodged and ongoing": the failed condition reported is the statement/complaint.',
  acquittalFailsDefinition: 'An acquittal without requisitions retaining trafficking fails the art 433quinquies condition.',
  eeaThbTrack: 'The trafficking residence track applies to EEA nationals too ("no matter their nationality").',
  requisitionsOnJudgmentDay: 'When the case gives no requisitions day, the requisitions are taken on the day of the judgment.',
  cooperationWaivedAfter18: 'With the noCooperationCondition reform, a child identified as a minor keeps the waiver after 18.',
  brusselsShelter:
    'A child found in Brussels goes to Minor-Ndako, the shelter the 2018 report names for the Flemish and Brussels regions (seed 001:99), although the reference assigns shelters by language community.',
  procedureCentreByRegion:
    'The procedure centre is the one of the region: Payoke (Antwerp) for Flanders, PAG-ASA for Brussels, Sürya (Liège) for Wallonia.',
  coo: 'Every child on the territory (EEA included) first goes to an observation and orientation centre (COO).',
  provisionalGuardianUntilDecision:
    'A provisional guardian appointed at the border ends with an "adult" decision; for a minor it continues.',
  durableSolutionDecisionDay: 'A durable-solution decision is taken 90 days after the request when the case file gives no day.',
  defaultHorizon: `No horizon given: the case is followed for 5 years (${DEFAULT_HORIZON_DAYS} days).`,
  declaredAdultDoubted:
    'A person who says they are an adult but whose age is doubted is taken to appear to be under 18 (Stage 1): reported to the Guardianship Service and tested; found a minor, the estimate becomes the age of record; found an adult, the declared age stands.',
  thbTrackIndependentOfGuardianship:
    'Children outside the guardianship scope (EEA before 2014, everyone before May 2004) keep their declared age: no one assesses it.',
} as const;
export type AssumptionId = keyof typeof ASSUMPTIONS;

export type AgeAssessmentFact =
  | { kind: 'range'; low: number; high: number; exams?: ExamResult[] }
  | { kind: 'refused' }
  | { kind: 'unknown' };

export interface Facts {
  date: string;
  practice: Practice;
  reforms: ReformId[];
  nationality: string;
  eea: boolean;
  sex?: 'female' | 'male' | 'other';
  /** exact declared age in years at the detection date */
  declaredAge: number;
  declaredBirthDate: string;
  place: 'territory' | 'border';
  region: CaseFile['detection']['region'];
  exploitation: CaseFile['detection']['exploitation'];
  indicatorsRecognised: boolean;
  asylumApplication: boolean;
  traffickingResidenceRequested: boolean;
  vulnerable: boolean;
  ageDoubted: boolean;
  assessment: AgeAssessmentFact;
  interviewFindsMinor?: boolean;
  tiesCut: boolean;
  contactResumedDay?: number;
  publicOrderRisk: boolean;
  horizonDays: number;
}

/** The facts that are one value each, compared with ===; `reforms` and `assessment` are data (isSameFacts). */
const PRIMITIVE_FACT_FIELDS = [
  'date', 'practice', 'nationality', 'eea', 'sex', 'declaredAge', 'declaredBirthDate', 'place', 'region', 'exploitation',
  'indicatorsRecognised', 'asylumApplication', 'traffickingResidenceRequested', 'vulnerable', 'ageDoubted',
  'interviewFindsMinor', 'tiesCut', 'contactResumedDay', 'publicOrderRisk', 'horizonDays',
] as const satisfies readonly (keyof Facts)[];
// A field added to Facts and not compared would let runs of different facts share: the compiler refuses it.
const everyFactCompared: Exclude<keyof Facts, (typeof PRIMITIVE_FACT_FIELDS)[number] | 'reforms' | 'assessment'> extends never ? true : never = true;
void everyFactCompared;

/** Whether two cases have the same facts (runs sharing their beginning need it: sharing.ts). */
export function isSameFacts(a: Facts, b: Facts): boolean {
  for (const field of PRIMITIVE_FACT_FIELDS) if (a[field] !== b[field]) return false;
  if (a.reforms.length !== b.reforms.length || a.reforms.some((r, i) => r !== b.reforms[i])) return false;
  const x = a.assessment;
  const y = b.assessment;
  if (x.kind !== y.kind) return false;
  if (x.kind !== 'range' || y.kind !== 'range') return true;
  return x.low === y.low && x.high === y.high && JSON.stringify(x.exams) === JSON.stringify(y.exams);
}

export interface AgeDecision {
  minor: boolean;
  /** exact age of record in years at the detection date */
  ageOfRecord: number;
  /** the estimate the decision rests on, for display */
  estimate?: number;
  testCarriedOut: boolean;
}

export function envelope(exams: ExamResult[]): AgeRange {
  return { low: Math.min(...exams.map((e) => e.low)), high: Math.max(...exams.map((e) => e.high)) };
}

export function toFacts(c: CaseFile): { facts: Facts; rules: RulesInForce; used: AssumptionId[] } {
  const used: AssumptionId[] = [];
  const practice = c.practice ?? 'asWritten';
  const reforms = [...(c.reforms ?? [])];
  // The detection day's rules, shared with the run (rulesByDay.ts keeps one object per stretch of unchanged rules).
  const rules = createRulesByDay(c.date, practice, reforms).on(0);
  let declaredAge: number;
  let declaredBirthDate: string;
  if (c.person.declaredBirthDate) {
    declaredBirthDate = c.person.declaredBirthDate;
    declaredAge = ageOn(declaredBirthDate, c.date);
  } else {
    declaredAge = c.person.declaredAge ?? 0;
    declaredBirthDate = addYears(c.date, -declaredAge);
    if (declaredAge < rules.ageOfMajority.value) used.push('birthdayOnDetection');
  }
  // Choice (sources silent): the guardianship scope is decided once, on the detection day, with the membership of
  // that day; a procedure begun for a non-EEA child (a Romanian child found in Dec 2006) goes on after an accession.
  // Acts with a day of their own read membership on it (a durable-solution request: durableSolutionRefusal).
  const eea = isEeaNationalOn(c.person.nationality, c.date);
  let vulnerable = c.detection.vulnerable ?? false;
  if (c.detection.vulnerable === undefined && eea && c.detection.indicatorsRecognised) {
    vulnerable = true;
    used.push('vulnerableWhenPresumedVictim');
  }
  const a = c.age?.assessment;
  let assessment: AgeAssessmentFact;
  if (!a) assessment = { kind: 'unknown' };
  else if ('refused' in a) assessment = { kind: 'refused' };
  else if ('exams' in a) assessment = { kind: 'range', ...envelope(a.exams), exams: a.exams };
  else assessment = { kind: 'range', low: a.low, high: a.high };
  const ties = c.tiesCut ?? true;
  if (!c.horizonDays) used.push('defaultHorizon');
  const facts: Facts = {
    date: c.date,
    practice,
    reforms,
    nationality: c.person.nationality.toUpperCase(),
    eea,
    sex: c.person.sex,
    declaredAge,
    declaredBirthDate,
    place: c.detection.place,
    region: c.detection.region,
    exploitation: c.detection.exploitation,
    indicatorsRecognised: c.detection.indicatorsRecognised,
    asylumApplication: c.detection.asylumApplication ?? false,
    traffickingResidenceRequested: c.detection.traffickingResidenceRequested ?? false,
    vulnerable,
    ageDoubted: c.age?.doubted ?? false,
    assessment,
    interviewFindsMinor: c.age?.interviewFindsMinor,
    tiesCut: typeof ties === 'boolean' ? ties : true,
    contactResumedDay: typeof ties === 'object' ? ties.contactResumedDay : undefined,
    publicOrderRisk: c.publicOrderRisk ?? false,
    horizonDays: c.horizonDays ?? DEFAULT_HORIZON_DAYS,
  };
  return { facts, rules, used };
}

type AgeDecisionWithAssumption = AgeDecision & { assumption?: AssumptionId };
// The decisions for the facts last asked about, one per rules object: a run asks many times for one case's facts,
// under one or two stretches of rules. (A WeakMap per case's facts cost more to make and to collect than it saved.)
let decidedFor: Facts | undefined;
const decidedUnder: RulesInForce[] = [];
const decisions: AgeDecisionWithAssumption[] = [];

/** The Guardianship Service's age decision for a doubted age, under the rules in force (memoised per facts and rules). */
export function decideAge(facts: Facts, rules: RulesInForce): AgeDecisionWithAssumption {
  if (facts !== decidedFor) {
    decidedFor = facts;
    decidedUnder.length = 0;
    decisions.length = 0;
  }
  const at = decidedUnder.indexOf(rules);
  if (at >= 0) return decisions[at]!;
  const decision = computeAgeDecision(facts, rules);
  decidedUnder.push(rules);
  decisions.push(decision);
  return decision;
}

function computeAgeDecision(facts: Facts, rules: RulesInForce): AgeDecisionWithAssumption {
  const decision = decideOnDeclaredMinority(facts, rules);
  if (facts.declaredAge < rules.ageOfMajority.value) return decision;
  // A declared adult: the test answered a doubt about minority only (assumption declaredAdultDoubted).
  if (!decision.minor) return { ...decision, ageOfRecord: facts.declaredAge };
  return { ...decision, ageOfRecord: decision.estimate ?? decision.ageOfRecord };
}

function decideOnDeclaredMinority(facts: Facts, rules: RulesInForce): AgeDecisionWithAssumption {
  const declared = facts.declaredAge;
  const majority = rules.ageOfMajority.value;
  if (!rules.ageTestCarriedOut.value) {
    return { minor: declared < majority, ageOfRecord: declared, testCarriedOut: false, assumption: 'noTestDeclaredAge' };
  }
  const a = facts.assessment;
  if (a.kind === 'refused') return { minor: false, ageOfRecord: majority, testCarriedOut: false, assumption: 'refusedTestAdult' };
  if (a.kind === 'unknown') {
    return { minor: declared < majority, ageOfRecord: declared, testCarriedOut: true, assumption: 'doubtWithoutResult' };
  }
  const method = rules.ageDecisionMethod.value;
  let estimate = a.low;
  let assumption: AssumptionId | undefined;
  if (method === 'doctorConclusion') {
    const ranges = a.exams ?? [a];
    estimate = ranges.reduce((s, r) => s + (r.low + r.high) / 2, 0) / ranges.length;
    assumption = 'doctorPointEstimate';
  }
  let minor = estimate < majority;
  if (method === 'multiAgency' && facts.interviewFindsMinor !== undefined) {
    // The psychosocial interview joins the medical range: either finding of minority protects (recommendation 28).
    minor = minor || facts.interviewFindsMinor;
  }
  if (!minor) {
    return { minor, ageOfRecord: Math.max(majority, estimate), estimate, testCarriedOut: true, assumption: assumption ?? 'adultAgeOfRecord' };
  }
  const ageOfRecord =
    rules.ageOfRecordWhenMinor.value === 'assessmentLowerBound' && a.low > declared && a.low < majority ? a.low : declared;
  return { minor, ageOfRecord, estimate, testCarriedOut: true, assumption };
}

/**
 * The exact age of record once the Guardianship Service has decided: found a minor, the declared age unless the
 * rules in force take the test's (decideAge); found an adult, the test's. The trace keeps whole years only.
 */
export function ageOfRecordAfterDecision(facts: Facts, rules: RulesInForce, foundMinor: boolean): number {
  const decision = decideAge(facts, rules);
  return foundMinor && !decision.minor ? facts.declaredAge : decision.ageOfRecord;
}

/** Day (since detection) on which a person of `ageOfRecord` years at detection comes of age. */
export function dayOfMajority(facts: Facts, rules: RulesInForce, ageOfRecord: number): number {
  const birth = ageOfRecord === facts.declaredAge ? facts.declaredBirthDate : addMonths(facts.date, -Math.round(ageOfRecord * 12));
  return Math.max(0, daysBetween(facts.date, addYears(birth, rules.ageOfMajority.value)));
}
