// The procedure's vocabulary: context, events, and the named guards, actions and delays the regions use.
// Context holds the case facts, the rules by day and `known`: facts that become known as events arrive.
// Tempus regit actum: guards, delays and milestones read the rules in force on the day of the event they handle
// (the engine puts the day on every event), never those of the detection date. Guards stay pure functions of
// context and event.
// Delays are in DAYS on the engine's simulated clock (pure stepping: nothing here ever runs a timer).
import { assign, setup, stateIn } from 'xstate';
import type { Facts } from '../case/facts';
import { ageOfRecordAfterDecision, dayOfMajority, decideAge } from '../case/facts';
import { recordRuleReads, type RulesByDay } from '../case/rulesByDay';
import type { MilestoneId, RuleUse } from '../case/types';
import { addDays, monthsAsDays, workingDaysAsDays } from '../dates';
import { isEeaNationalOn } from '../rules/eea';
import type { RuleId, RulesInForce } from '../rules/rules';
import { cite, type Citation, type CitationId } from './citations';
import { areAllMet, evaluateConditions, firstUnmet, isCooperationWaived, type Known } from './conditions';

export interface ProcedureContext {
  facts: Facts;
  rules: RulesByDay;
  known: Known;
}
export interface ProcedureInput {
  facts: Facts;
}

type Day = { day: number };
export type ProcedureEvent =
  | ({ type: 'statement.given' } & Day)
  | ({ type: 'ties.resumed' } & Day)
  | ({ type: 'person.disappeared' } & Day)
  | ({ type: 'prosecution.dismissed' } & Day)
  | ({ type: 'prosecution.requisitions'; retainsTrafficking: boolean } & Day)
  // A judgment whose requisitions the case does not date carries them (same day, taken before the judgment).
  | ({ type: 'prosecution.convicted'; withRequisitions?: boolean; retainsTrafficking?: boolean } & Day)
  | ({ type: 'prosecution.acquitted'; withRequisitions?: boolean; retainsTrafficking?: boolean } & Day)
  | ({ type: 'age.appealed' } & Day)
  | ({ type: 'age.appealDecided'; annulled: boolean } & Day)
  | ({ type: 'durableSolution.requested' } & Day)
  | ({ type: 'durableSolution.decided'; decision: 'stay' | 'return' | 'reunification' } & Day);

/** What a recordMilestone action carries; the engine adds the date. */
export interface MilestoneParams extends Citation {
  id: MilestoneId;
  attributes?: Record<string, unknown>;
  /** the dated rule values the milestone was decided under (its own day's) */
  rules: RuleUse[];
}

/** The engine attaches the simulated day to every event it sends, delayed ones included. */
export function dayOf(event: unknown): number {
  const day = (event as { day?: unknown }).day;
  return typeof day === 'number' ? day : 0;
}

export type Args = { context: ProcedureContext; event: unknown };

/** The rules in force on the day of the event being handled. */
export function rulesAt({ context, event }: Args): RulesInForce {
  return context.rules.on(dayOf(event));
}

/**
 * A milestone decided under the rules of its own day: its citation and attributes read those rules through a
 * recording view, and `decidedBy` names the rules the guards that led here read, so `rules` lists what it used.
 */
export function milestone(
  id: MilestoneId,
  citation: CitationId,
  attributes?: (a: Args, rules: RulesInForce) => Record<string, unknown>,
  decidedBy: RuleId[] | ((a: Args) => RuleId[]) = [],
) {
  // Without attributes or guard-dependent rules, what the milestone used depends on the day's rules alone.
  const usedUnder = !attributes && typeof decidedBy !== 'function' ? new WeakMap<RulesInForce, MilestoneParams>() : undefined;
  return {
    type: 'recordMilestone' as const,
    params: (a: Args): MilestoneParams => {
      const day = dayOf(a.event);
      const rulesOfDay = a.context.rules.on(day);
      const shared = usedUnder?.get(rulesOfDay);
      // Shared per stretch of rules and never written to (the engine copies what it keeps into its milestone).
      if (shared) return shared;
      const cited = citeUnder(citation, rulesOfDay);
      let read = cited.read;
      let attrs: Record<string, unknown> | undefined;
      if (attributes) {
        const recorded = recordRuleReads(rulesOfDay);
        attrs = attributes(a, recorded.rules);
        if (recorded.read.size > 0) read = [...read, ...recorded.read];
      }
      const guardRules = typeof decidedBy === 'function' ? decidedBy(a) : decidedBy;
      const { basis, source, assumption } = cited.citation;
      const rules = a.context.rules.uses(guardRules.length > 0 ? [...read, ...guardRules] : read, day);
      // One shape for every milestone's params, with or without an assumption.
      const params: MilestoneParams = { id, basis, source, assumption, attributes: attrs, rules };
      usedUnder?.set(rulesOfDay, Object.freeze({ ...params, rules: Object.freeze(rules) as RuleUse[] }));
      return params;
    },
  };
}

// A citation is a pure function of the rules in force, and rulesByDay.ts keeps one rules object per stretch of
// unchanged rules: each citation is worked out (with the rules it read) once per stretch.
const citedUnder = new WeakMap<RulesInForce, Map<CitationId, { citation: Citation; read: readonly RuleId[] }>>();
function citeUnder(citation: CitationId, rules: RulesInForce): { citation: Citation; read: readonly RuleId[] } {
  let byCitation = citedUnder.get(rules);
  if (!byCitation) citedUnder.set(rules, (byCitation = new Map()));
  let cited = byCitation.get(citation);
  if (!cited) {
    const recorded = recordRuleReads(rules);
    const c = cite(citation, recorded.rules);
    byCitation.set(citation, (cited = { citation: c, read: [...recorded.read] }));
  }
  return cited;
}

/** State meta: basis and source. Dated citations carry their id so the UI can resolve them with the rules in force. */
export function meta(citation: CitationId, extra: Partial<Citation> = {}) {
  return { citation, ...extra };
}

export function conditionsOf(a: Args) {
  return evaluateConditions(a.context.facts, rulesAt(a), a.context.known);
}

export type RequestRefusal = 'eeaNational' | 'noProcedure' | 'ageDecisionPending' | 'notIdentifiedAsMinor' | 'adult';

/** Why the law of the request's day refuses a durable-solution request (undefined: it is open). */
export function durableSolutionRefusal(a: Args): RequestRefusal | undefined {
  const { facts, known } = a.context;
  const day = dayOf(a.event);
  // EEA children are excluded (VR-DS), by membership on the day of the request (case-format.md: "as of each act's day").
  if (isEeaNationalOn(facts.nationality, addDays(facts.date, day))) return 'eeaNational';
  if (rulesAt(a).durableSolutionBasis.value === 'none') return 'noProcedure';
  if (known.ageDecision === undefined) return 'ageDecisionPending';
  if (known.ageDecision !== 'minor') return 'notIdentifiedAsMinor';
  if (day >= (known.majorityDay ?? Infinity)) return 'adult';
  return undefined;
}

// XState's pure getMicrosteps builds a throw-away actor with no input on every call, and that actor computes an
// initial state it never uses. One preallocated error keeps the refusal cheap: a fresh Error per call (stack
// capture included) was the largest single cost of a run.
export const MISSING_INPUT = new Error('The procedure machine starts from a case: input { facts } is required');

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
    noteAgeDecision: assign(({ context, event }, params: { minor: boolean; declared?: boolean }) => {
      const day = dayOf(event);
      const ageOfRecord = params.declared
        ? context.facts.declaredAge
        : ageOfRecordAfterDecision(context.facts, context.rules.on(day), params.minor);
      return {
        known: {
          ...context.known,
          ageDecision: params.minor ? ('minor' as const) : ('adult' as const),
          ageDecisionDay: day,
          majorityDay: params.minor ? dayOfMajority(context.facts, context.rules.on(day), ageOfRecord) : undefined,
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
    // The request is examined under the procedure in force on the day it was made.
    noteDurableSolutionBasis: assign((a) => ({ known: { ...a.context.known, durableSolutionBasis: rulesAt(a).durableSolutionBasis.value } })),
    noteDisappearance: assign(({ context, event }) => ({ known: { ...context.known, disappearedDay: dayOf(event) } })),
  },
  guards: {
    isPresumedVictim: ({ context }) => context.facts.indicatorsRecognised,
    hasNonPunishmentProtection: (a) => rulesAt(a).nonPunishment.value,
    isDeclaredAdult: (a) => a.context.facts.declaredAge >= rulesAt(a).ageOfMajority.value,
    isGuardianshipInScope: (a) => {
      const { facts } = a.context;
      const rules = rulesAt(a);
      if (!rules.guardianshipServiceOperational.value) return false;
      if (!facts.eea) return true;
      if (!rules.guardianshipCoversEea.value) return false;
      return facts.reforms.includes('guardianForEveryChild') || facts.vulnerable || facts.traffickingResidenceRequested;
    },
    isAgeDoubted: ({ context }) => context.facts.ageDoubted,
    isAtBorder: ({ context }) => context.facts.place === 'border',
    hasProvisionalGuardian: (a) =>
      (a.context.facts.place === 'border' && rulesAt(a).provisionalGuardianAtBorder.value) || rulesAt(a).minorProtectionWhileAgeAssessed.value,
    hadProvisionalGuardian: ({ context }) => context.known.provisionalGuardian === true,
    isAgeTestCarriedOut: (a) => decideAge(a.context.facts, rulesAt(a)).testCarriedOut,
    isFoundMinor: (a) => decideAge(a.context.facts, rulesAt(a)).minor,
    isDeclaredMinor: (a) => a.context.facts.declaredAge < rulesAt(a).ageOfMajority.value,
    isOfAgeByDecision: (a) => {
      const { context, event } = a;
      const decision = decideAge(context.facts, rulesAt(a));
      return decision.minor && dayOfMajority(context.facts, rulesAt(a), decision.ageOfRecord) <= dayOf(event);
    },
    isAppealInTime: (a) => {
      const sinceDecision = dayOf(a.event) - (a.context.known.adultDecisionDay ?? 0);
      return sinceDecision >= 0 && sinceDecision <= rulesAt(a).ageAppealDays.value;
    },
    isAppealAnnulled: ({ event }) => (event as { annulled?: boolean }).annulled === true,
    isHeldInClosedCentre: (a) =>
      a.context.facts.place === 'border' && a.context.facts.ageDoubted && !rulesAt(a).minorProtectionWhileAgeAssessed.value,
    isAgeDecided: ({ context }) => context.known.ageDecision !== undefined,
    isFoundAdult: ({ context }) => context.known.ageDecision === 'adult',
    isMinorForResidence: (a) => {
      const { facts, known } = a.context;
      return known.ageDecision === 'minor' || (known.ageDecision === undefined && facts.ageDoubted && rulesAt(a).minorProtectionWhileAgeAssessed.value);
    },
    isReferralHeldUntilMinority: (a) =>
      rulesAt(a).referralWaitsForMinority.value && a.context.facts.ageDoubted && a.context.known.ageDecision === undefined,
    hasGivenStatement: ({ context }) => context.known.statementDay !== undefined,
    // "Once at the centre, child victims of trafficking are awarded a temporary residence permit of three months" (seed 001:62).
    isInSpecialisedShelter: stateIn('#procedure.pathway.placement.specialisedShelter'),
    isCooperationWaived: (a) => isCooperationWaived(rulesAt(a), a.context.known),
    // Guards see the context before the event's own actions: the statement is not yet noted.
    isStatementAfterReflection: (a) =>
      a.context.known.reflectionEndedDay !== undefined &&
      a.context.known.statementDay === undefined &&
      !isCooperationWaived(rulesAt(a), a.context.known),
    hasFailedCondition: (args) => firstUnmet(conditionsOf(args)) !== undefined,
    hasAllConditionsMet: (args) => areAllMet(conditionsOf(args)),
    isDefinitionPending: (args) => conditionsOf(args).definition === 'pending',
    hasTraffickingJudgment: ({ context: { known } }) => known.convictedDay !== undefined || known.requisitionsRetained === true,
    hasRequisitionsOnJudgmentDay: ({ event }) => (event as { withRequisitions?: boolean }).withRequisitions === true,
    isTraffickingRetained: ({ event }) => (event as { retainsTrafficking?: boolean }).retainsTrafficking === true,
    hasAppliedForAsylum: ({ context }) => context.facts.asylumApplication,
    // The request is decided under the law and the EEA membership of its own day (tempus regit actum).
    isDurableSolutionAvailable: (a) => durableSolutionRefusal(a) === undefined,
    isRequestUnderLaw2011: ({ context }) => context.known.durableSolutionBasis === 'law2011',
    isReturnDecision: ({ event }) => (event as { decision?: string }).decision !== 'stay',
  },
  delays: {
    // At the border the test is done inside the 3 working days of closed-centre holding (reference.md Stage 2).
    assessmentTurnaround: (a) =>
      a.context.facts.place === 'border'
        ? workingDaysAsDays(a.context.facts.date, dayOf(a.event), 3)
        : rulesAt(a).ageAssessmentTurnaroundDays.value,
    transferWithin24Hours: 1,
    shelterReferral: 1,
    minorDocumentValidity: (a) => monthsAsDays(a.context.facts.date, dayOf(a.event), rulesAt(a).minorDocumentMonths.value),
    reflectionValidity: (a) => rulesAt(a).adultReflectionDays.value,
    registrationCertificateValidity: (a) =>
      monthsAsDays(a.context.facts.date, dayOf(a.event), rulesAt(a).registrationCertificateMonths.value),
    temporaryCardValidity: (a) => monthsAsDays(a.context.facts.date, dayOf(a.event), rulesAt(a).temporaryCardMonths.value),
    durableSolutionCertificateValidity: (a) =>
      monthsAsDays(a.context.facts.date, dayOf(a.event), rulesAt(a).durableSolutionCertificateMonths.value),
    durableSolutionCardValidity: (a) => monthsAsDays(a.context.facts.date, dayOf(a.event), rulesAt(a).durableSolutionCardMonths.value),
    untilDurableSolutionPermanent: (a) =>
      monthsAsDays(a.context.facts.date, dayOf(a.event), 12 * rulesAt(a).durableSolutionPermanentAfterYears.value),
    // Majority comes at the start of the 18th birthday (START_OF_DAY_DELAYS): an act that day is an adult's act.
    untilDeclaredMajority: ({ context, event }) =>
      Math.max(0, dayOfMajority(context.facts, context.rules.on(dayOf(event)), context.facts.declaredAge) - dayOf(event)),
    untilMajority: ({ context, event }) =>
      Math.max(0, (context.known.majorityDay ?? dayOfMajority(context.facts, context.rules.on(dayOf(event)), context.facts.declaredAge)) - dayOf(event)),
  },
});

/**
 * Delays whose term begins its day rather than ending it: the 18th birthday starts at midnight, so on that day the
 * person turns 18 before anything else happens (a request filed on the birthday is an adult's, and the trace says
 * so in that order). Documents run to the end of their last day: the case's own acts of that day come first.
 */
export const START_OF_DAY_DELAYS: ReadonlySet<string> = new Set(['untilDeclaredMajority', 'untilMajority']);
