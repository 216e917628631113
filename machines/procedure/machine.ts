// The procedure as one statechart (XState v5). Five parallel regions (reference.md, "Stage model"):
// criminal (10), victimTrack (Stages 0, 5–9), identity (1, 3, 4), placement (2, 5), otherTracks (11, asylum).
// Region order is document order: on one day, a cause (statement, judgment) is recorded before its effect.
// Context holds the case facts and the rules in force (static) and `known`: facts that become known as events arrive.
// Delays are in DAYS on the engine's simulated clock (pure stepping: nothing here ever runs a timer).
import { and, assign, enqueueActions, not, or, setup } from 'xstate';
import type { Facts } from '../case/facts';
import { ageOfRecordAfterDecision, dayOfMajority, decideAge } from '../case/facts';
import type { MilestoneId } from '../case/types';
import { monthsAsDays, workingDaysAsDays } from '../dates';
import type { RulesInForce } from '../rules/rules';
import { cite, type Citation, type CitationId } from './citations';
import { areAllMet, evaluateConditions, failedCondition, firstUnmet, isCooperationWaived, type Known } from './conditions';

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

type Args = { context: ProcedureContext; event: unknown };
function milestone(id: MilestoneId, citation: CitationId, attributes?: (a: Args) => Record<string, unknown>) {
  return {
    type: 'recordMilestone' as const,
    params: (a: Args): MilestoneParams => ({ id, ...cite(citation, a.context.rules), attributes: attributes?.(a) }),
  };
}

/** State meta: basis and source. Dated citations carry their id so the UI can resolve them with the rules in force. */
function meta(citation: CitationId, extra: Partial<Citation> = {}) {
  return { citation, ...extra };
}

const PROCEDURE_CENTRE = { flanders: 'Payoke', brussels: 'PAG-ASA', wallonia: 'Sürya' } as const;

export function shelterFor(facts: Facts, rules: RulesInForce): { name: string; specialisedInChildTrafficking: boolean } {
  if (facts.region === 'wallonia') return { name: 'Esperanto', specialisedInChildTrafficking: true };
  if (rules.mezaOpen.value && facts.sex === 'female' && facts.exploitation === 'sexual') {
    return { name: 'Meza', specialisedInChildTrafficking: true };
  }
  // Seed 001:99: the Flemish/Brussels shelter is not specialised in child trafficking (unless the reform creates one).
  return { name: 'Minor-Ndako', specialisedInChildTrafficking: rules.childTraffickingShelterEverywhere.value };
}

// A statement or complaint opens the victim status (AI) only if no condition already fails: the conditions are
// conditions for entering the status (reference Stage 5), so a child still in contact with the exploiters or a
// danger to public order gets no AI; the document in hand is withdrawn instead.
const toRegistrationCertificate = [
  {
    guard: and(['hasGivenStatement', 'hasFailedCondition']),
    target: 'withdrawn',
    meta: meta('residenceWithdrawn'),
  },
  { guard: 'hasGivenStatement', target: 'registrationCertificate', meta: meta('registrationCertificate') },
] as const;

// While an AI or an A card is held, a conviction, or final requisitions that retain trafficking, give the B card.
const toPermanentResidence = {
  'prosecution.convicted': { target: 'permanentResidence', meta: meta('permanentResidence') },
  'prosecution.requisitions': { guard: 'isTraffickingRetained', target: 'permanentResidence', meta: meta('permanentResidence') },
} as const;

function conditionsOf({ context }: Args) {
  return evaluateConditions(context.facts, context.rules, context.known);
}

// XState's pure getMicrosteps builds a throw-away actor with no input on every call, and that actor computes an
// initial state it never uses. One preallocated error keeps the refusal cheap: a fresh Error per call (stack
// capture included) was the largest single cost of a run.
export const MISSING_INPUT = new Error('The procedure machine starts from a case: input { facts, rules } is required');

export const procedureMachine = setup({
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
          majorityDay: params.minor ? dayOfMajority(context.facts, ageOfRecord) : undefined,
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
    isDeclaredAdult: ({ context }) => context.facts.declaredAge >= 18,
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
    isDeclaredMinor: ({ context }) => context.facts.declaredAge < 18,
    isOfAgeByDecision: ({ context, event }) => {
      const decision = decideAge(context.facts, context.rules);
      return decision.minor && dayOfMajority(context.facts, decision.ageOfRecord) <= dayOf(event);
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
      Math.max(0, dayOfMajority(context.facts, context.facts.declaredAge) - dayOf(event)),
    untilMajority: ({ context, event }) =>
      Math.max(0, (context.known.majorityDay ?? dayOfMajority(context.facts, context.facts.declaredAge)) - dayOf(event)),
  },
}).createMachine({
  id: 'procedure',
  description: 'The pathway of an unaccompanied foreign child who may be a victim of trafficking in Belgium',
  meta: meta('procedure'),
  context: ({ input }) => {
    if (!input) throw MISSING_INPUT;
    return { facts: input.facts, rules: input.rules, known: {} };
  },
  initial: 'pathway',
  states: {
    pathway: {
      type: 'parallel',
      description: 'Five procedures run side by side; guards in one read what the others have established',
      meta: meta('procedure'),
      on: {
        'person.disappeared': { target: 'disappeared', actions: ['noteDisappearance'], meta: meta('disappeared') },
        'ties.resumed': { actions: ['noteContactResumed'], meta: meta('residenceWithdrawn') },
      },
      states: {
        criminal: {
          description: 'Criminal proceedings against the presumed exploiters',
          meta: meta('statement'),
          initial: 'noComplaint',
          on: {
            'prosecution.dismissed': { target: '.dismissed', actions: ['noteDismissal'], meta: meta('prosecutionDismissed') },
            'prosecution.requisitions': {
              target: '.requisitions',
              actions: ['noteRequisitions'],
              meta: meta('requisitions'),
            },
            'prosecution.convicted': { target: '.convicted', actions: ['noteConviction'], meta: meta('conviction') },
            'prosecution.acquitted': { target: '.acquitted', actions: ['noteAcquittal'], meta: meta('acquittal') },
          },
          states: {
            noComplaint: {
              description: 'No complaint or statement yet',
              meta: meta('statement'),
              on: {
                'statement.given': { target: 'investigation', actions: ['noteStatement'], meta: meta('statement') },
              },
            },
            investigation: {
              description: 'Statement given: investigation by the prosecutor or labour auditor',
              meta: meta('statement'),
              entry: milestone('statementGiven', 'statement'),
            },
            requisitions: {
              description: 'Final requisitions taken',
              meta: meta('requisitions'),
              entry: milestone('requisitions', 'requisitions', ({ context }) => ({
                retainsTrafficking: context.known.requisitionsRetained === true,
              })),
            },
            dismissed: {
              type: 'final',
              description: 'Case dismissed',
              meta: meta('prosecutionDismissed'),
              entry: milestone('prosecutionDismissed', 'prosecutionDismissed'),
            },
            convicted: {
              type: 'final',
              description: 'Conviction for trafficking',
              meta: meta('conviction'),
              entry: milestone('conviction', 'conviction'),
            },
            acquitted: {
              type: 'final',
              description: 'Acquittal',
              meta: meta('acquittal'),
              entry: milestone('acquittal', 'acquittal'),
            },
          },
        },
        victimTrack: {
          description: 'Detection, presumption of victimhood and residence as a victim of trafficking',
          meta: meta('detection'),
          initial: 'detected',
          states: {
            detected: {
              description: 'A first-line actor meets the child',
              meta: meta('detection'),
              entry: milestone('detected', 'detection'),
              always: [
                { guard: 'isPresumedVictim', target: 'presumedVictim', meta: meta('presumption') },
                { target: 'notIdentified', meta: meta('notIdentified') },
              ],
            },
            notIdentified: {
              type: 'final',
              description: 'Trafficking indicators not recognised: no victim track',
              meta: meta('notIdentified'),
              entry: milestone('notIdentified', 'notIdentified'),
            },
            presumedVictim: {
              description: 'Presumed victim on indicators, not on the child’s own statements',
              meta: meta('presumption'),
              entry: [
                milestone('presumedVictim', 'presumption'),
                enqueueActions(({ check, enqueue }) => {
                  if (check('hasNonPunishmentProtection')) enqueue(milestone('nonPunishment', 'nonPunishment'));
                }),
              ],
              always: [
                { guard: 'isReferralHeldUntilMinority', target: 'awaitingMinorityConfirmation', meta: meta('specialisedCentre') },
                { target: 'withSpecialisedCentre', meta: meta('specialisedCentre') },
              ],
            },
            awaitingMinorityConfirmation: {
              description: 'As reported: referral to specialised care waits until minority is confirmed',
              meta: meta('specialisedCentre', { assumption: 'asReported practice (seed 001:95)' }),
              always: { guard: 'isAgeDecided', target: 'withSpecialisedCentre' },
            },
            withSpecialisedCentre: {
              description: 'A recognised specialised centre supports the victim and asks the Immigration Office for documents',
              meta: meta('specialisedCentre'),
              entry: milestone('specialisedCentre', 'specialisedCentre', ({ context }) => ({
                name: PROCEDURE_CENTRE[context.facts.region],
              })),
              always: [
                { guard: 'isMinorForResidence', target: 'minorDocument', meta: meta('minorResidenceDocument') },
                { guard: 'isFoundAdult', target: 'reflectionPeriod', meta: meta('reflectionPeriod') },
                {
                  guard: and(['isDeclaredAdult', not('isAgeDoubted')]),
                  target: 'reflectionPeriod',
                  meta: meta('reflectionPeriod'),
                },
                {
                  guard: and([not('isAgeDoubted'), not('isDeclaredAdult')]),
                  target: 'minorDocument',
                  meta: meta('minorResidenceDocument'),
                },
              ],
            },
            minorDocument: {
              description: 'The child gets at once a residence document valid three months (the 45 days become 3 months)',
              meta: meta('minorResidenceDocument'),
              entry: milestone('minorResidenceDocument', 'minorResidenceDocument', ({ context }) => ({
                validMonths: context.rules.minorDocumentMonths.value,
              })),
              always: toRegistrationCertificate,
              after: { minorDocumentValidity: { target: 'reflectionEnded', meta: meta('reflectionEnded') } },
            },
            reflectionPeriod: {
              description: 'An adult gets a 45-day reflection period (order to leave, later annex 15)',
              meta: meta('reflectionPeriod'),
              entry: milestone('reflectionPeriod', 'reflectionPeriod', ({ context }) => ({
                document: context.rules.reflectionDocument.value,
                validDays: context.rules.adultReflectionDays.value,
              })),
              always: toRegistrationCertificate,
              after: { reflectionValidity: { target: 'reflectionEnded', meta: meta('reflectionEnded') } },
            },
            reflectionEnded: {
              description: 'The reflection document expired without a statement or complaint',
              meta: meta('reflectionEnded'),
              entry: ['noteReflectionEnded'],
              always: [
                ...toRegistrationCertificate,
                { guard: 'isCooperationWaived', target: 'registrationCertificate', meta: meta('registrationCertificate') },
                { target: 'trackEnded', actions: ['recordStatusDecision'], meta: meta('reflectionEnded') },
              ],
            },
            registrationCertificate: {
              description: 'Registration certificate (AI) for 3 months while the prosecutor checks that this is trafficking',
              meta: meta('registrationCertificate'),
              initial: 'valid',
              entry: ['recordStatusDecision'],
              always: [
                // A judgment that came before the AI (e.g. while the age was being decided) gives the B card at once.
                { guard: 'hasTraffickingJudgment', target: 'permanentResidence', meta: meta('permanentResidence') },
                { guard: 'hasFailedCondition', target: 'withdrawn', meta: meta('residenceWithdrawn') },
              ],
              on: toPermanentResidence,
              states: {
                valid: {
                  meta: meta('registrationCertificate'),
                  entry: milestone('registrationCertificate', 'registrationCertificate', ({ context }) => ({
                    validMonths: context.rules.registrationCertificateMonths.value,
                  })),
                  after: { registrationCertificateValidity: 'decision' },
                },
                decision: {
                  description: 'End of the AI: the five conditions decide',
                  meta: meta('temporaryResidenceCard'),
                  always: [
                    { guard: 'hasAllConditionsMet', target: '#procedure.pathway.victimTrack.temporaryResidence' },
                    { guard: 'isDefinitionPending', target: 'extended', meta: meta('registrationCertificate') },
                  ],
                },
                extended: {
                  description: 'AI extended once by 3 months: the prosecutor has not yet qualified the facts',
                  meta: meta('registrationCertificate'),
                  entry: milestone('registrationCertificate', 'registrationCertificate', ({ context }) => ({
                    validMonths: context.rules.registrationCertificateMonths.value,
                    extension: true,
                  })),
                  after: { registrationCertificateValidity: 'finalDecision' },
                },
                finalDecision: {
                  meta: meta('temporaryResidenceCard'),
                  always: [
                    { guard: 'hasAllConditionsMet', target: '#procedure.pathway.victimTrack.temporaryResidence' },
                    {
                      target: '#procedure.pathway.victimTrack.withdrawn',
                      meta: meta('residenceWithdrawn', { assumption: 'Still unqualified after the one extension: not renewed.' }),
                    },
                  ],
                },
              },
            },
            temporaryResidence: {
              description: 'Temporary residence: electronic A card for 6 months, renewed while all five conditions hold',
              meta: meta('temporaryResidenceCard'),
              initial: 'card',
              always: { guard: 'hasFailedCondition', target: 'withdrawn', meta: meta('residenceWithdrawn') },
              on: toPermanentResidence,
              states: {
                card: {
                  meta: meta('temporaryResidenceCard'),
                  entry: [
                    milestone('temporaryResidenceCard', 'temporaryResidenceCard', ({ context }) => ({
                      validMonths: context.rules.temporaryCardMonths.value,
                    })),
                    'recordStatusDecision',
                  ],
                  after: { temporaryCardValidity: 'renewal' },
                },
                renewal: {
                  description: 'The Immigration Office asks the prosecutor whether the conditions still hold',
                  meta: meta('temporaryResidenceCard'),
                  always: { guard: 'hasAllConditionsMet', target: 'card' },
                },
              },
            },
            permanentResidence: {
              type: 'final',
              description: 'Unlimited residence (B card)',
              meta: meta('permanentResidence'),
              entry: [milestone('permanentResidence', 'permanentResidence'), 'recordStatusDecision'],
            },
            withdrawn: {
              description: 'A condition failed: the document is withdrawn or not renewed',
              meta: meta('residenceWithdrawn'),
              entry: [
                milestone('residenceWithdrawn', 'residenceWithdrawn', (a) => ({ failedCondition: failedCondition(conditionsOf(a)) })),
                'recordStatusDecision',
              ],
              always: 'trackEnded',
            },
            trackEnded: {
              type: 'final',
              description: 'The trafficking residence track has ended',
              meta: meta('reflectionEnded'),
            },
          },
        },
        identity: {
          description: 'Reporting, identification, age assessment and guardianship',
          meta: meta('reporting'),
          initial: 'screening',
          states: {
            screening: {
              meta: meta('reporting'),
              always: [
                // A declared adult whose age is doubted "appears to be under 18" (reference Stage 1, CIRC-2004):
                // reported and tested like a child when the service's scope covers them (declaredAdultDoubted).
                {
                  guard: and(['isDeclaredAdult', or([not('isAgeDoubted'), not('isGuardianshipInScope')])]),
                  target: 'declaredAdult',
                  meta: meta('adultTrack'),
                },
                { guard: 'isGuardianshipInScope', target: 'reported', meta: meta('reporting') },
                { target: 'outsideScope', meta: meta('outsideScope') },
              ],
            },
            declaredAdult: {
              type: 'final',
              description: 'The person says they are an adult: adult procedures',
              meta: meta('adultTrack'),
              entry: [milestone('adultTrack', 'adultTrack'), { type: 'noteAgeDecision', params: { minor: false, declared: true } }],
            },
            outsideScope: {
              description: 'No guardian: the service is not yet operational, or the child is an EEA national outside its scope',
              meta: meta('outsideScope', { assumption: 'No one assesses the age of a child outside the scope.' }),
              entry: [
                milestone('outsideGuardianshipScope', 'outsideScope', ({ context: { rules } }) => ({
                  reason: !rules.guardianshipServiceOperational.value
                    ? 'serviceNotOperational'
                    : rules.guardianshipCoversEea.value
                      ? 'eeaNotVulnerable'
                      : 'eeaNational',
                })),
                { type: 'noteAgeDecision', params: { minor: true, declared: true } },
              ],
              after: { untilMajority: 'adultOutsideScope' },
            },
            adultOutsideScope: {
              type: 'final',
              meta: meta('turned18'),
              entry: milestone('turned18', 'turned18'),
            },
            reported: {
              description: 'Reported to the Guardianship Service and the Immigration Office',
              meta: meta('reporting'),
              entry: milestone('reportedToGuardianshipService', 'reporting'),
              always: [{ guard: 'isAgeDoubted', target: 'ageDoubted', meta: meta('ageDoubt') }, { target: 'minor' }],
            },
            ageDoubted: {
              description: 'The declared age is doubted: the Guardianship Service has it tested',
              meta: meta('ageDoubt'),
              entry: [
                milestone('ageDoubted', 'ageDoubt'),
                enqueueActions(({ check, enqueue }) => {
                  if (check('hasProvisionalGuardian')) {
                    enqueue(milestone('guardianAppointed', 'guardian', () => ({ provisional: true })));
                    enqueue('noteProvisionalGuardian');
                  }
                }),
              ],
              // The declared birthday can come before the decision: then the person is 18 whatever the test says
              // (it can only confirm or raise a declared minor's age), and the question of minority is moot.
              after: {
                untilDeclaredMajority: { guard: 'isDeclaredMinor', target: 'majorityBeforeDecision', meta: meta('turned18') },
                assessmentTurnaround: { target: 'assessed', meta: meta('ageAssessment') },
              },
            },
            majorityBeforeDecision: {
              type: 'final',
              description: 'Eighteen before the age decision: no guardian; adult procedures from now on',
              meta: meta('turned18'),
              entry: [
                milestone('turned18', 'turned18'),
                enqueueActions(({ check, enqueue }) => {
                  if (check('hadProvisionalGuardian')) enqueue(milestone('guardianshipEnded', 'guardianshipEnded'));
                }),
                { type: 'noteAgeDecision', params: { minor: false, declared: true } },
              ],
            },
            assessed: {
              description: 'Age decision: with a doubtful result the lowest age is taken (art 7 §3)',
              meta: meta('ageAssessment'),
              entry: enqueueActions(({ check, enqueue, context }) => {
                if (!check('isAgeTestCarriedOut')) return;
                const a = context.facts.assessment;
                if (a.kind !== 'range') return;
                const decision = decideAge(context.facts, context.rules);
                enqueue(
                  milestone('ageAssessment', 'ageAssessment', () => ({
                    low: a.low,
                    high: a.high,
                    ...(a.exams ? { exams: a.exams } : {}),
                    method: context.rules.ageDecisionMethod.value,
                    estimate: decision.estimate,
                    ...(context.rules.ageAssessmentSafeguards.value ? { safeguards: true } : {}),
                  })),
                );
              }),
              always: [
                { guard: 'isOfAgeByDecision', target: 'majorityBeforeDecision', meta: meta('turned18') },
                { guard: 'isFoundMinor', target: 'minor', meta: meta('identifiedAsMinor') },
                { target: 'adult', meta: meta('identifiedAsAdult') },
              ],
            },
            minor: {
              description: 'Identified as an unaccompanied minor: a guardian is appointed',
              meta: meta('identifiedAsMinor'),
              entry: [
                milestone('identifiedAsMinor', 'identifiedAsMinor'),
                milestone('guardianAppointed', 'guardian'),
                { type: 'noteAgeDecision', params: { minor: true } },
              ],
              after: { untilMajority: { target: 'majority', meta: meta('turned18') } },
            },
            majority: {
              type: 'final',
              description: 'Eighteen on the age of record: the guardianship ends',
              meta: meta('guardianshipEnded'),
              entry: [milestone('turned18', 'turned18'), milestone('guardianshipEnded', 'guardianshipEnded')],
            },
            adult: {
              description: 'Found adult: the Guardianship Service’s care ends; adult procedures',
              meta: meta('identifiedAsAdult'),
              entry: [
                milestone('identifiedAsAdult', 'identifiedAsAdult'),
                enqueueActions(({ check, enqueue }) => {
                  if (check('hadProvisionalGuardian')) enqueue(milestone('guardianshipEnded', 'guardianshipEnded'));
                }),
                milestone('adultTrack', 'adultTrack'),
                { type: 'noteAgeDecision', params: { minor: false } },
                'noteAdultDecisionDay',
              ],
              on: {
                'age.appealed': { guard: 'isAppealInTime', target: 'appeal', meta: meta('ageAppeal') },
              },
            },
            appeal: {
              description: 'Appeal against the age decision before the Council of State',
              meta: meta('ageAppeal'),
              entry: milestone('ageAppeal', 'ageAppeal', ({ context }) => ({ deadlineDays: context.rules.ageAppealDays.value })),
              on: {
                'age.appealDecided': [
                  { guard: 'isAppealAnnulled', target: 'minor', meta: meta('identifiedAsMinor') },
                  { target: 'adultFinal', meta: meta('identifiedAsAdult') },
                ],
              },
            },
            adultFinal: { type: 'final', meta: meta('adultTrack') },
          },
        },
        placement: {
          description: 'Where the child stays',
          meta: meta('observationCentre'),
          initial: 'arriving',
          states: {
            arriving: {
              meta: meta('observationCentre'),
              always: [
                { guard: and(['isDeclaredAdult', not('isAgeDoubted')]), target: 'adultAccommodation' },
                { guard: 'isHeldInClosedCentre', target: 'closedCentre', meta: meta('borderDetention') },
                { guard: 'isAtBorder', target: 'transferToCoo', meta: meta('observationCentre') },
                { target: 'observationCentre', meta: meta('observationCentre') },
              ],
            },
            closedCentre: {
              description: 'Held in a closed centre at the border while the age is tested (3 + 3 working days at most)',
              meta: meta('borderDetention'),
              entry: milestone('borderDetention', 'borderDetention', ({ context }) => ({
                maxWorkingDays: context.rules.borderDetentionMaxWorkingDays.value,
              })),
              always: [
                { guard: 'isFoundAdult', target: 'adultAccommodation', meta: meta('identifiedAsAdult') },
                { guard: 'isAgeDecided', target: 'transferToCoo', meta: meta('observationCentre') },
              ],
            },
            transferToCoo: {
              description: 'Transfer to an observation and orientation centre within 24 hours',
              meta: meta('observationCentre'),
              after: { transferWithin24Hours: 'observationCentre' },
            },
            observationCentre: {
              description: 'Observation and orientation centre (COO)',
              meta: meta('observationCentre', { assumption: 'Every child on the territory first goes to a COO.' }),
              entry: milestone('observationCentre', 'observationCentre'),
              always: [
                { guard: 'isFoundAdult', target: 'adultAccommodation', meta: meta('identifiedAsAdult') },
                {
                  guard: and(['isPresumedVictim', not('isReferralHeldUntilMinority')]),
                  target: 'referralToShelter',
                  meta: meta('specialisedShelter'),
                },
              ],
            },
            referralToShelter: {
              description: 'The COO directs the presumed victim as quickly as possible to specialised reception',
              meta: meta('specialisedShelter'),
              after: { shelterReferral: 'specialisedShelter' },
              always: { guard: 'isFoundAdult', target: 'adultAccommodation' },
            },
            specialisedShelter: {
              description: 'Specialised shelter for minors (secret address, observation, then orientation)',
              meta: meta('specialisedShelter'),
              entry: milestone('specialisedShelter', 'specialisedShelter', ({ context }) => shelterFor(context.facts, context.rules)),
              always: { guard: 'isFoundAdult', target: 'adultAccommodation', meta: meta('identifiedAsAdult') },
            },
            adultAccommodation: {
              type: 'final',
              description: 'Adult: housed by the specialised centre (victims) or in adult reception',
              meta: meta('adultTrack'),
            },
          },
        },
        otherTracks: {
          type: 'parallel',
          description: 'Asylum and the durable-solution procedure for unaccompanied minors',
          meta: meta('durableSolution'),
          states: {
            asylum: {
              initial: 'screening',
              meta: meta('asylum'),
              states: {
                screening: {
                  meta: meta('asylum'),
                  always: [{ guard: 'hasAppliedForAsylum', target: 'applied' }, { target: 'none' }],
                },
                applied: {
                  type: 'final',
                  description: 'Application for international protection',
                  meta: meta('asylum'),
                  entry: milestone('asylumApplication', 'asylum'),
                },
                none: { type: 'final', meta: meta('asylum') },
              },
            },
            durableSolution: {
              initial: 'notRequested',
              meta: meta('durableSolution'),
              states: {
                notRequested: {
                  meta: meta('durableSolution'),
                  on: {
                    'durableSolution.requested': {
                      guard: 'isDurableSolutionAvailable',
                      target: 'requested',
                      meta: meta('durableSolution'),
                    },
                  },
                },
                requested: {
                  description: 'The guardian asks the Immigration Office for a durable solution',
                  meta: meta('durableSolution'),
                  entry: milestone('durableSolutionProcedure', 'durableSolution', ({ context }) => ({
                    basis: context.rules.durableSolutionBasis.value,
                  })),
                  on: {
                    'durableSolution.decided': [
                      { guard: 'isReturnDecision', target: '#procedure.returned', meta: meta('returned') },
                      { target: 'stay', meta: meta('durableSolution') },
                    ],
                  },
                },
                stay: {
                  type: 'final',
                  description: 'Durable solution in Belgium: residence under the durable-solution procedure',
                  meta: meta('durableSolution'),
                },
              },
            },
          },
        },
      },
    },
    disappeared: {
      type: 'final',
      description: 'The child has gone missing',
      meta: meta('disappeared'),
      entry: milestone('disappeared', 'disappeared'),
    },
    returned: {
      type: 'final',
      description: 'Return or family reunification abroad',
      meta: meta('returned'),
      entry: milestone('returned', 'returned'),
    },
  },
});

export type ProcedureMachine = typeof procedureMachine;
