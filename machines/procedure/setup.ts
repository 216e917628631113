// The procedure's vocabulary: context, events, and the named guards, actions and delays the regions use.
// Context holds the case facts and the rules in force (static) and `known`: facts that become known as events arrive.
// Delays are in DAYS on the engine's simulated clock (pure stepping: nothing here ever runs a timer).
import { assign, setup } from 'xstate';
import type { Facts } from '../case/facts';
import { ageOfRecordAfterDecision, dayOfMajority, decideAge } from '../case/facts';
import type { MilestoneId } from '../case/types';
import { monthsAsDays, workingDaysAsDays } from '../dates';
import type { RulesInForce } from '../rules/rules';
import { cite, type Citation, type CitationId } from './citations';
import { areAllMet, evaluateConditions, firstUnmet, isCooperationWaived, type Known } from './conditions';

export interface ProcedureContext {
  facts: Facts;
  rules: RulesInForce;
  known: Known;
}
export interface ProcedureInput {
  facts: Facts;
  rules: RulesInForce;
}

type Day = { day: number };
export type ProcedureEvent =
  | ({ type: 'statement.given' } & Day)
  | ({ type: 'ties.resumed' } & Day)
  | ({ type: 'person.disappeared' } & Day)
  | ({ type: 'prosecution.dismissed' } & Day)
  | ({ type: 'prosecution.requisitions'; retainsTrafficking: boolean } & Day)
  | ({ type: 'prosecution.convicted' } & Day)
  | ({ type: 'prosecution.acquitted' } & Day)
  | ({ type: 'age.appealed' } & Day)
  | ({ type: 'age.appealDecided'; annulled: boolean } & Day)
  | ({ type: 'durableSolution.requested' } & Day)
  | ({ type: 'durableSolution.decided'; decision: 'stay' | 'return' | 'reunification' } & Day);

/** What a recordMilestone action carries; the engine adds the date. */
export interface MilestoneParams extends Citation {
  id: MilestoneId;
  attributes?: Record<string, unknown>;
}

/** The engine attaches the simulated day to every event it sends, delayed ones included. */
export function dayOf(event: unknown): number {
  const day = (event as { day?: unknown }).day;
  return typeof day === 'number' ? day : 0;
}

export type Args = { context: ProcedureContext; event: unknown };
export function milestone(id: MilestoneId, citation: CitationId, attributes?: (a: Args) => Record<string, unknown>) {
  return {
    type: 'recordMilestone' as const,
    params: (a: Args): MilestoneParams => ({ id, ...cite(citation, a.context.rules), attributes: attributes?.(a) }),
  };
}

/** State meta: basis and source. Dated citations carry their id so the UI can resolve them with the rules in force. */
export function meta(citation: CitationId, extra: Partial<Citation> = {}) {
  return { citation, ...extra };
}

export function conditionsOf({ context }: Args) {
  return evaluateConditions(context.facts, context.rules, context.known);
}

// XState's pure getMicrosteps builds a throw-away actor with no input on every call, and that actor computes an
// initial state it never uses. One preallocated error keeps the refusal cheap: a fresh Error per call (stack
// capture included) was the largest single cost of a run.
export const MISSING_INPUT = new Error('The procedure machine starts from a case: input { facts, rules } is required');

export const procedureSetup = setup({
  types: {
    context: {} as ProcedureContext,
    events: {} as ProcedureEvent,
    input: {} as ProcedureInput,
  },
  actions: {
    // Both are read by the engine from the pure transition's action list; they do nothing when run by an actor.
    recordMilestone: (_: unknown, _params: MilestoneParams) => {},
    recordStatusDecision: () => {},
    // `declared`: no one assessed the age (declared adult, or outside the guardianship scope), so the declared
    // age stands whatever a test would have found.
    noteAgeDecision: assign(({ context }, params: { minor: boolean; declared?: boolean }) => {
      const ageOfRecord = params.declared
        ? context.facts.declaredAge
        : ageOfRecordAfterDecision(context.facts, context.rules, params.minor);
      return {
        known: {
          ...context.known,
          ageDecision: params.minor ? ('minor' as const) : ('adult' as const),
          majorityDay: params.minor ? dayOfMajority(context.facts, context.rules, ageOfRecord) : undefined,
        },
      };
    }),
    noteAdultDecisionDay: assign(({ context, event }) => ({ known: { ...context.known, adultDecisionDay: dayOf(event) } })),
    noteProvisionalGuardian: assign(({ context }) => ({ known: { ...context.known, provisionalGuardian: true } })),
    noteStatement: assign(({ context, event }) => ({ known: { ...context.known, statementDay: dayOf(event) } })),
    noteReflectionEnded: assign(({ context, event }) => ({ known: { ...context.known, reflectionEndedDay: dayOf(event) } })),
    noteContactResumed: assign(({ context, event }) => ({ known: { ...context.known, contactResumedDay: dayOf(event) } })),
    noteDismissal: assign(({ context, event }) => ({ known: { ...context.known, dismissedDay: dayOf(event) } })),
    noteRequisitions: assign(({ context, event }) => ({
      known: { ...context.known, requisitionsRetained: (event as { retainsTrafficking?: boolean }).retainsTrafficking === true },
    })),
    noteConviction: assign(({ context, event }) => ({ known: { ...context.known, convictedDay: dayOf(event) } })),
    noteAcquittal: assign(({ context, event }) => ({ known: { ...context.known, acquittedDay: dayOf(event) } })),
    noteDisappearance: assign(({ context, event }) => ({ known: { ...context.known, disappearedDay: dayOf(event) } })),
  },
  guards: {
    isPresumedVictim: ({ context }) => context.facts.indicatorsRecognised,
    hasNonPunishmentProtection: ({ context }) => context.rules.nonPunishment.value,
    isDeclaredAdult: ({ context }) => context.facts.declaredAge >= context.rules.ageOfMajority.value,
    isGuardianshipInScope: ({ context: { facts, rules } }) => {
      if (!rules.guardianshipServiceOperational.value) return false;
      if (!facts.eea) return true;
      if (!rules.guardianshipCoversEea.value) return false;
      return facts.reforms.includes('guardianForEveryChild') || facts.vulnerable || facts.traffickingResidenceRequested;
    },
    isAgeDoubted: ({ context }) => context.facts.ageDoubted,
    isAtBorder: ({ context }) => context.facts.place === 'border',
    hasProvisionalGuardian: ({ context: { facts, rules } }) =>
      (facts.place === 'border' && rules.provisionalGuardianAtBorder.value) || rules.minorProtectionWhileAgeAssessed.value,
    hadProvisionalGuardian: ({ context }) => context.known.provisionalGuardian === true,
    isAgeTestCarriedOut: ({ context }) => decideAge(context.facts, context.rules).testCarriedOut,
    isFoundMinor: ({ context }) => decideAge(context.facts, context.rules).minor,
    isDeclaredMinor: ({ context }) => context.facts.declaredAge < context.rules.ageOfMajority.value,
    isOfAgeByDecision: ({ context, event }) => {
      const decision = decideAge(context.facts, context.rules);
      return decision.minor && dayOfMajority(context.facts, context.rules, decision.ageOfRecord) <= dayOf(event);
    },
    isAppealInTime: ({ context, event }) =>
      dayOf(event) - (context.known.adultDecisionDay ?? 0) <= context.rules.ageAppealDays.value,
    isAppealAnnulled: ({ event }) => (event as { annulled?: boolean }).annulled === true,
    isHeldInClosedCentre: ({ context: { facts, rules } }) =>
      facts.place === 'border' && facts.ageDoubted && !rules.minorProtectionWhileAgeAssessed.value,
    isAgeDecided: ({ context }) => context.known.ageDecision !== undefined,
    isFoundAdult: ({ context }) => context.known.ageDecision === 'adult',
    isMinorForResidence: ({ context: { facts, rules, known } }) =>
      known.ageDecision === 'minor' ||
      (known.ageDecision === undefined && facts.ageDoubted && rules.minorProtectionWhileAgeAssessed.value),
    isReferralHeldUntilMinority: ({ context: { facts, rules, known } }) =>
      rules.referralWaitsForMinority.value && facts.ageDoubted && known.ageDecision === undefined,
    hasGivenStatement: ({ context }) => context.known.statementDay !== undefined,
    isCooperationWaived: ({ context }) => isCooperationWaived(context.rules, context.known),
    hasFailedCondition: (args) => firstUnmet(conditionsOf(args)) !== undefined,
    hasAllConditionsMet: (args) => areAllMet(conditionsOf(args)),
    isDefinitionPending: (args) => conditionsOf(args).definition === 'pending',
    hasTraffickingJudgment: ({ context: { known } }) => known.convictedDay !== undefined || known.requisitionsRetained === true,
    isTraffickingRetained: ({ event }) => (event as { retainsTrafficking?: boolean }).retainsTrafficking === true,
    hasAppliedForAsylum: ({ context }) => context.facts.asylumApplication,
    isDurableSolutionAvailable: ({ context: { facts, rules, known }, event }) =>
      !facts.eea &&
      rules.durableSolutionBasis.value !== 'none' &&
      known.ageDecision === 'minor' &&
      dayOf(event) < (known.majorityDay ?? Infinity),
    isReturnDecision: ({ event }) => (event as { decision?: string }).decision !== 'stay',
  },
  delays: {
    // At the border the test is done inside the 3 working days of closed-centre holding (reference.md Stage 2).
    assessmentTurnaround: ({ context, event }) =>
      context.facts.place === 'border'
        ? workingDaysAsDays(context.facts.date, dayOf(event), 3)
        : context.rules.ageAssessmentTurnaroundDays.value,
    transferWithin24Hours: 1,
    shelterReferral: 1,
    minorDocumentValidity: ({ context, event }) =>
      monthsAsDays(context.facts.date, dayOf(event), context.rules.minorDocumentMonths.value),
    reflectionValidity: ({ context }) => context.rules.adultReflectionDays.value,
    registrationCertificateValidity: ({ context, event }) =>
      monthsAsDays(context.facts.date, dayOf(event), context.rules.registrationCertificateMonths.value),
    temporaryCardValidity: ({ context, event }) =>
      monthsAsDays(context.facts.date, dayOf(event), context.rules.temporaryCardMonths.value),
    untilDeclaredMajority: ({ context, event }) =>
      Math.max(0, dayOfMajority(context.facts, context.rules, context.facts.declaredAge) - dayOf(event)),
    untilMajority: ({ context, event }) =>
      Math.max(0, (context.known.majorityDay ?? dayOfMajority(context.facts, context.rules, context.facts.declaredAge)) - dayOf(event)),
  },
});
