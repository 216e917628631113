// Trace building, once the run has stopped: the outcome (from the states the catalogue names, then the facts),
// the age of record, and the assumptions the run used.
import { OUTCOME_IDS, OUTCOMES } from '../catalogue/outcomes';
import { evaluateConditions, type Known } from '../procedure/conditions';
import type { RulesInForce } from '../rules/rules';
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
  /** engine assumptions noted on the way (case defaults, case events, milestones' uses) */
  used: Set<AssumptionId>;
  /** assumptions of the milestones' citations and of the rules they used */
  otherAssumptions: ReadonlySet<string>;
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
  const assumptions = [...[...used].map((id) => ASSUMPTIONS[id]), ...run.otherAssumptions];
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
