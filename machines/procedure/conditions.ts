// The five conditions of the victim-of-trafficking status (seed 001_c8293595e150eaad.txt:97; reference.md Stage 8),
// evaluated from what is known on the simulated day. One function, read by the machine's guards and by the trace.
import type { ConditionId, VictimStatusConditions } from '../case/types';
import type { Facts } from '../case/facts';
import type { RulesInForce } from '../rules/rules';

/** Facts that become known as the case unfolds (set by the machine's assign actions). */
export interface Known {
  ageDecision?: 'minor' | 'adult';
  /** day of the age decision: it is decided under the rules of that day */
  ageDecisionDay?: number;
  adultDecisionDay?: number;
  provisionalGuardian?: boolean;
  majorityDay?: number;
  statementDay?: number;
  reflectionEndedDay?: number;
  contactResumedDay?: number;
  dismissedDay?: number;
  requisitionsRetained?: boolean;
  convictedDay?: number;
  acquittedDay?: number;
  disappearedDay?: number;
  /** the durable-solution procedure in force on the day of the request */
  durableSolutionBasis?: 'none' | 'circular2005' | 'law2011';
}

/**
 * What a case starts knowing: nothing, with every field of Known present (undefined). The machine's notes copy
 * `known` with one field set, so every `known` then has the same fields in the same order: one object shape for
 * V8, whose guards and conditions read it at every step (the cohort's machine runs ×1.08, measured in one process).
 */
export function nothingKnown(): Known {
  const known: { [K in keyof Required<Known>]: undefined } = {
    ageDecision: undefined,
    ageDecisionDay: undefined,
    adultDecisionDay: undefined,
    provisionalGuardian: undefined,
    majorityDay: undefined,
    statementDay: undefined,
    reflectionEndedDay: undefined,
    contactResumedDay: undefined,
    dismissedDay: undefined,
    requisitionsRetained: undefined,
    convictedDay: undefined,
    acquittedDay: undefined,
    disappearedDay: undefined,
    durableSolutionBasis: undefined,
  };
  return known;
}

export const CONDITION_ORDER: ConditionId[] = ['statement', 'definition', 'cooperation', 'tiesCut', 'publicOrder'];

export const CONDITION_SOURCES: Record<ConditionId, string> = {
  statement: 'a complaint lodged and ongoing, or a statement to the police',
  definition: 'the situation fits art 433quinquies Criminal Code',
  cooperation: 'the victim shows willingness to cooperate',
  tiesCut: 'all ties with the presumed perpetrators cut',
  publicOrder: 'no danger to public order or national security',
};

/** A child identified as a minor is spared the statement and cooperation conditions under the noCooperationCondition reform. */
export function isCooperationWaived(rules: RulesInForce, known: Known): boolean {
  return !rules.childStatusRequiresCooperation.value && known.ageDecision === 'minor';
}

export function evaluateConditions(facts: Facts, rules: RulesInForce, known: Known): VictimStatusConditions {
  const waived = isCooperationWaived(rules, known);
  const given = known.statementDay !== undefined;
  const reflectionOver = known.reflectionEndedDay !== undefined;
  const qualifiedAsTrafficking = known.convictedDay !== undefined || known.requisitionsRetained === true;
  let definition: VictimStatusConditions['definition'] = 'met';
  if (facts.exploitation === 'none') definition = 'unmet';
  else if (known.acquittedDay !== undefined && !known.requisitionsRetained) definition = 'unmet';
  else if (facts.exploitation === 'unknown' && !qualifiedAsTrafficking) definition = 'pending';
  return {
    // Waived by the reform, the complaint no longer has to stay "lodged and ongoing": a dismissal does not fail it.
    statement: waived ? 'met' : known.dismissedDay !== undefined ? 'unmet' : given ? 'met' : reflectionOver ? 'unmet' : 'pending',
    definition,
    cooperation: known.disappearedDay !== undefined ? 'unmet' : waived || given ? 'met' : reflectionOver ? 'unmet' : 'pending',
    tiesCut: !facts.tiesCut || known.contactResumedDay !== undefined ? 'unmet' : 'met',
    publicOrder: facts.publicOrderRisk ? 'unmet' : 'met',
  };
}

export function firstUnmet(conditions: VictimStatusConditions): ConditionId | undefined {
  return CONDITION_ORDER.find((c) => conditions[c] === 'unmet');
}
/** The condition a withdrawal or refusal is reported on: the first unmet one, else the first still pending. */
export function failedCondition(conditions: VictimStatusConditions): ConditionId | undefined {
  return firstUnmet(conditions) ?? CONDITION_ORDER.find((c) => conditions[c] === 'pending');
}
export function areAllMet(conditions: VictimStatusConditions): boolean {
  return CONDITION_ORDER.every((c) => conditions[c] === 'met');
}
