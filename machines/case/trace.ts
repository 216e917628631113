// Trace building, once the run has stopped: the outcome (from the states the catalogue names, then the facts),
// the age of record, and the assumptions the run used.
import { OUTCOME_IDS, OUTCOMES } from '../catalogue/outcomes';
import { evaluateConditions, type Known } from '../procedure/conditions';
import type { RuleId, RulesInForce } from '../rules/rules';
import { ASSUMPTIONS, ageOfRecordAfterDecision, decideAge, type AssumptionId, type Facts } from './facts';
import { isActive, type StepperSnapshot } from './stepper';
import type { Milestone, MilestoneId, OutcomeId, Trace, VictimStatusConditions } from './types';

/** What the run hands over when it stops. */
export interface FinishedRun {
  facts: Facts;
  rules: RulesInForce;
  final: StepperSnapshot;
  /** the day the run stopped: the last event's day if the machine finished, else the horizon */
  endDay: number;
  milestones: Milestone[];
  seen: ReadonlySet<MilestoneId>;
  /** engine assumptions noted on the way (case defaults, case events) */
  used: Set<AssumptionId>;
  /** assumptions of the citations of the milestones recorded */
  citedAssumptions: ReadonlySet<string>;
  /** the five conditions at the last status decision */
  decision: VictimStatusConditions | undefined;
}

export function buildTrace(run: FinishedRun): Trace {
  const { facts, rules, final, endDay, milestones, seen, used } = run;
  const known = final.context.known;
  const outcome = outcomeOf(final, facts, rules, endDay, used, seen);
  const outcomeDay = milestones.find((m) => m.id === outcome)?.day ?? endDay;
  const ageAssessed = seen.has('identifiedAsMinor') || seen.has('identifiedAsAdult');
  const age = ageAssessed ? assessedAge(facts, rules, known, used) : facts.declaredAge;
  noteAssumptionsUsed(run, known);
  const ruleAssumptions = (Object.keys(RULE_RELEVANCE) as RuleId[])
    .filter((id) => rules[id].assumption && RULE_RELEVANCE[id]!(milestones, facts))
    .map((id) => rules[id].assumption!);
  const assumptions = [...[...used].map((id) => ASSUMPTIONS[id]), ...run.citedAssumptions, ...ruleAssumptions];
  return {
    format: 'pathway-trace/1',
    rulesInForce: facts.date,
    practice: facts.practice,
    reforms: facts.reforms,
    person: { ageOfRecord: Math.floor(age + 1e-9), eea: facts.eea, minor: age < rules.ageOfMajority.value },
    milestones,
    victimStatusConditions: run.decision ?? evaluateConditions(facts, rules, known),
    assumptions: [...new Set(assumptions)],
    outcome,
    outcomeDay,
    horizonDays: facts.horizonDays,
  };
}

function outcomeOf(snapshot: StepperSnapshot, facts: Facts, rules: RulesInForce, day: number, used: Set<AssumptionId>, seen: ReadonlySet<MilestoneId>): OutcomeId {
  const known = snapshot.context.known;
  // The B card is a terminal state (reference Stage 12): reached first, a later disappearance or return does not undo it.
  if (seen.has('permanentResidence')) return 'permanentResidence';
  // The states that decide an outcome on their own (the catalogue's `states`, in its order).
  const byState = OUTCOME_IDS.find((id) => OUTCOMES[id].states.some((s) => isActive(snapshot, s)));
  if (byState && byState !== 'otherProcedure') return byState;
  if (known.ageDecision === 'adult' && !(facts.declaredAge >= rules.ageOfMajority.value && !facts.ageDoubted)) return 'adultTrack';
  if (facts.asylumApplication || byState === 'otherProcedure') return 'otherProcedure';
  const stillMinor = known.ageDecision === 'minor' && day < (known.majorityDay ?? Infinity);
  if (stillMinor) {
    used.add('minorFallback');
    return 'otherProcedure';
  }
  return 'mustLeave';
}

/** The age of record after the Guardianship Service decided on the age. */
function assessedAge(facts: Facts, rules: RulesInForce, known: Known, used: Set<AssumptionId>): number {
  if (known.ageDecision === undefined || !facts.ageDoubted) return facts.declaredAge;
  const assumption = decideAge(facts, rules).assumption;
  if (assumption) used.add(assumption);
  return ageOfRecordAfterDecision(facts, rules, known.ageDecision === 'minor');
}

/** The engine's own assumptions a finished run relied on, read from the path it took. */
function noteAssumptionsUsed({ facts, rules, milestones, seen, used }: FinishedRun, known: Known): void {
  for (const m of milestones) {
    if (m.id === 'residenceWithdrawn' && m.failedCondition === 'statement' && known.dismissedDay !== undefined) used.add('dismissalFailsStatement');
    if (m.id === 'residenceWithdrawn' && m.failedCondition === 'definition' && known.acquittedDay !== undefined) used.add('acquittalFailsDefinition');
    if (m.id === 'specialisedCentre') used.add('sameDayReferral').add('procedureCentreByRegion');
    if (m.id === 'specialisedShelter' && facts.region === 'brussels' && m.name === 'Minor-Ndako') used.add('brusselsShelter');
  }
  if (facts.eea && seen.has('specialisedCentre')) used.add('eeaThbTrack');
  if (seen.has('ageDoubted') && !rules.minorProtectionWhileAgeAssessed.value && seen.has('specialisedCentre')) used.add('residenceWaitsForAgeDecision');
  if (facts.ageDoubted && seen.has('outsideGuardianshipScope')) used.add('thbTrackIndependentOfGuardianship');
  if (facts.declaredAge >= rules.ageOfMajority.value && seen.has('ageDoubted')) used.add('declaredAdultDoubted');
  if (facts.eea && seen.has('observationCentre')) used.add('coo');
  if (milestones.some((m) => m.id === 'guardianAppointed' && m.provisional === true)) used.add('provisionalGuardianUntilDecision');
  if (facts.reforms.includes('noCooperationCondition') && seen.has('turned18') && seen.has('minorResidenceDocument')) {
    used.add('cooperationWaivedAfter18');
  }
  if (facts.exploitation === 'unknown' && seen.has('registrationCertificate')) used.add('exploitationUnknownPending');
  if (known.statementDay !== undefined && known.reflectionEndedDay !== undefined && known.statementDay > known.reflectionEndedDay) {
    used.add('statementAfterReflection');
  }
}

/** When a rule's own assumption bears on a trace. */
const RULE_RELEVANCE: Partial<Record<RuleId, (ms: Milestone[], facts: Facts) => boolean>> = {
  guardianshipCoversEea: (ms, f) => f.eea && ms.some((m) => m.id === 'reportedToGuardianshipService' || m.id === 'outsideGuardianshipScope'),
  provisionalGuardianAtBorder: (ms) => ms.some((m) => m.id === 'guardianAppointed' && m.provisional === true),
  ageAssessmentTurnaroundDays: (ms, f) => f.place === 'territory' && ms.some((m) => m.id === 'ageDoubted'),
  ageAssessmentSafeguards: (ms) => ms.some((m) => m.id === 'ageAssessment'),
  mezaOpen: (ms) => ms.some((m) => m.id === 'specialisedShelter' && m.name === 'Meza'),
  nationalReferralMechanism: (ms) => ms.some((m) => m.id === 'presumedVictim'),
  prosecutionGuideline: (ms) => ms.some((m) => m.id === 'presumedVictim'),
  durableSolutionBasis: (ms) => ms.some((m) => m.id === 'durableSolutionProcedure'),
};
