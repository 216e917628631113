// Stage 11 and asylum: the durable-solution procedure for unaccompanied minors, and international protection.
import { meta, milestone, procedureSetup } from '../setup';

export const otherTracks = procedureSetup.createStateConfig({
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
});
