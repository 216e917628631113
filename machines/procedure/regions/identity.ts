// Stages 1, 3, 4: reporting, identification, the age assessment and its appeal, guardianship until majority.
import { and, enqueueActions, not, or } from 'xstate';
import { decideAge } from '../../case/facts';
import { dayOf, meta, milestone, procedureSetup } from '../setup';

// Milestones enqueued at run time are defined once, so their params keep their memo across runs (setup.ts).
const guardianshipEnded = milestone('guardianshipEnded', 'guardianshipEnded');
const provisionalGuardianAppointed = milestone('guardianAppointed', 'guardian', () => ({ provisional: true }), [
  'provisionalGuardianAtBorder',
  'minorProtectionWhileAgeAssessed',
]);

export const identity = procedureSetup.createStateConfig({
  description: 'Reporting, identification, age assessment and guardianship',
  meta: meta('reporting'),
  initial: 'screening',
  // Nothing silent: an appeal where no "adult" decision is open to appeal is recorded with its reason.
  on: {
    'age.appealed': [
      {
        guard: not('isAgeDecided'),
        actions: milestone('appealOutOfTime', 'appealOutOfTime', () => ({ reason: 'beforeDecision' })),
        meta: meta('appealOutOfTime'),
      },
      {
        actions: milestone('appealOutsideScope', 'appealOutsideScope', ({ context }) => ({
          reason: context.known.ageDecision === 'minor' ? 'foundMinor' : 'noAgeDecision',
        })),
        meta: meta('appealOutsideScope'),
      },
    ],
  },
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
        milestone('outsideGuardianshipScope', 'outsideScope', (_a, rules) => ({
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
      entry: milestone('reportedToGuardianshipService', 'reporting', undefined, ({ context }) =>
        context.facts.eea ? ['guardianshipServiceOperational', 'guardianshipCoversEea'] : ['guardianshipServiceOperational'],
      ),
      always: [{ guard: 'isAgeDoubted', target: 'ageDoubted', meta: meta('ageDoubt') }, { target: 'minor' }],
    },
    ageDoubted: {
      description: 'The declared age is doubted: the Guardianship Service has it tested',
      meta: meta('ageDoubt'),
      entry: [
        milestone('ageDoubted', 'ageDoubt', undefined, ({ context }) =>
          context.facts.place === 'territory' ? ['ageAssessmentTurnaroundDays'] : ['provisionalGuardianAtBorder'],
        ),
        enqueueActions(({ check, enqueue }) => {
          if (check('hasProvisionalGuardian')) {
            enqueue(provisionalGuardianAppointed);
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
          if (check('hadProvisionalGuardian')) enqueue(guardianshipEnded);
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
        enqueue(
          milestone(
            'ageAssessment',
            'ageAssessment',
            (_args, rules) => ({
              low: a.low,
              high: a.high,
              ...(a.exams ? { exams: a.exams } : {}),
              method: rules.ageDecisionMethod.value,
              estimate: decideAge(context.facts, rules).estimate,
              ...(rules.ageAssessmentSafeguards.value ? { safeguards: true } : {}),
            }),
            ['ageTestCarriedOut'],
          ),
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
        milestone('identifiedAsMinor', 'identifiedAsMinor', undefined, ['ageDecisionMethod', 'ageTestCarriedOut']),
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
        // The decision opens the window to appeal it (reference.md Stage 3: 60 days from notification, taken as
        // the decision day): the milestone carries its length, as the clock shows it.
        milestone('identifiedAsAdult', 'identifiedAsAdult', (_a, rules) => ({ appealDeadlineDays: rules.ageAppealDays.value }), [
          'ageDecisionMethod',
          'ageTestCarriedOut',
        ]),
        enqueueActions(({ check, enqueue }) => {
          if (check('hadProvisionalGuardian')) enqueue(guardianshipEnded);
        }),
        milestone('adultTrack', 'adultTrack'),
        { type: 'noteAgeDecision', params: { minor: false } },
        'noteAdultDecisionDay',
      ],
      on: {
        'age.appealed': [
          { guard: 'isAppealInTime', target: 'appeal', meta: meta('ageAppeal') },
          {
            actions: milestone('appealOutOfTime', 'appealOutOfTime', (a, rules) => {
              const since = dayOf(a.event) - (a.context.known.adultDecisionDay ?? 0);
              return { reason: since < 0 ? 'beforeDecision' : 'deadlinePassed', daysAfterDecision: since, deadlineDays: rules.ageAppealDays.value };
            }),
            meta: meta('appealOutOfTime'),
          },
        ],
      },
    },
    appeal: {
      description: 'Appeal against the age decision before the Council of State',
      meta: meta('ageAppeal'),
      entry: milestone('ageAppeal', 'ageAppeal', (_a, rules) => ({ deadlineDays: rules.ageAppealDays.value })),
      on: {
        'age.appealDecided': [
          { guard: 'isAppealAnnulled', target: 'minor', meta: meta('identifiedAsMinor') },
          { target: 'adultFinal', meta: meta('identifiedAsAdult') },
        ],
      },
    },
    adultFinal: { type: 'final', meta: meta('adultTrack') },
  },
});
