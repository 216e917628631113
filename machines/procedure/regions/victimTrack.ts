// Stages 0, 5–9: detection, presumption of victimhood, reflection period and the victim-of-trafficking residence.
import { and, enqueueActions, not } from 'xstate';
import { addDays } from '../../dates';
import { failedCondition } from '../conditions';
import { conditionsOf, meta, milestone, procedureSetup } from '../setup';

// Defined once, so its params keep their memo across runs (setup.ts).
const nonPunishment = milestone('nonPunishment', 'nonPunishment');

const PROCEDURE_CENTRE = { flanders: 'Payoke', brussels: 'PAG-ASA', wallonia: 'Sürya' } as const;

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
  // Requisitions retaining trafficking on the day of an acquittal: the B card follows "even if the defendant is acquitted".
  'prosecution.acquitted': { guard: 'isTraffickingRetained', target: 'permanentResidence', meta: meta('permanentResidence') },
} as const;

export const victimTrack = procedureSetup.createStateConfig({
  description: 'Detection, presumption of victimhood and residence as a victim of trafficking',
  meta: meta('detection'),
  initial: 'detected',
  on: {
    'statement.given': {
      guard: 'isStatementAfterReflection',
      actions: milestone('statementAfterReflectionPeriod', 'statementAfterReflectionPeriod', (a) => ({
        reason: 'reflectionPeriodEnded',
        reflectionEnded: addDays(a.context.facts.date, a.context.known.reflectionEndedDay ?? 0),
      })),
      meta: meta('statementAfterReflectionPeriod'),
    },
  },
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
        milestone('presumedVictim', 'presumption', undefined, ['nonPunishment']),
        enqueueActions(({ check, enqueue }) => {
          if (check('hasNonPunishmentProtection')) enqueue(nonPunishment);
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
      entry: milestone(
        'specialisedCentre',
        'specialisedCentre',
        ({ context }) => ({ name: PROCEDURE_CENTRE[context.facts.region] }),
        ['referralWaitsForMinority'],
      ),
      always: [
        {
          guard: and(['isMinorForResidence', 'isInSpecialisedShelter']),
          target: 'minorDocument',
          meta: meta('minorResidenceDocument'),
        },
        { guard: 'isFoundAdult', target: 'reflectionPeriod', meta: meta('reflectionPeriod') },
        {
          guard: and(['isDeclaredAdult', not('isAgeDoubted')]),
          target: 'reflectionPeriod',
          meta: meta('reflectionPeriod'),
        },
        {
          guard: and([not('isAgeDoubted'), not('isDeclaredAdult'), 'isInSpecialisedShelter']),
          target: 'minorDocument',
          meta: meta('minorResidenceDocument'),
        },
      ],
    },
    minorDocument: {
      description: 'The child gets at once a residence document valid three months (the 45 days become 3 months)',
      meta: meta('minorResidenceDocument'),
      entry: milestone(
        'minorResidenceDocument',
        'minorResidenceDocument',
        (_a, rules) => ({ validMonths: rules.minorDocumentMonths.value }),
        ['minorProtectionWhileAgeAssessed'],
      ),
      always: toRegistrationCertificate,
      after: { minorDocumentValidity: { target: 'reflectionEnded', meta: meta('reflectionEnded') } },
    },
    reflectionPeriod: {
      description: 'An adult gets a 45-day reflection period (order to leave, later annex 15)',
      meta: meta('reflectionPeriod'),
      entry: milestone('reflectionPeriod', 'reflectionPeriod', (_a, rules) => ({
        document: rules.reflectionDocument.value,
        validDays: rules.adultReflectionDays.value,
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
          entry: milestone(
            'registrationCertificate',
            'registrationCertificate',
            (_a, rules) => ({ validMonths: rules.registrationCertificateMonths.value }),
            ['childStatusRequiresCooperation'],
          ),
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
          entry: milestone(
            'registrationCertificate',
            'registrationCertificate',
            (_a, rules) => ({ validMonths: rules.registrationCertificateMonths.value, extension: true }),
            ['childStatusRequiresCooperation'],
          ),
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
            milestone(
              'temporaryResidenceCard',
              'temporaryResidenceCard',
              (_a, rules) => ({ validMonths: rules.temporaryCardMonths.value }),
              ['childStatusRequiresCooperation'],
            ),
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
        milestone('residenceWithdrawn', 'residenceWithdrawn', (a) => ({ failedCondition: failedCondition(conditionsOf(a)) }), [
          'childStatusRequiresCooperation',
        ]),
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
});
