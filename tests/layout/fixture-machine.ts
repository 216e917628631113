// A small statechart with the shapes the procedure machine uses: parallel regions,
// compound stages, delayed and guarded transitions, final states, meta with citations.
import { and, not, setup } from 'xstate';

export const fixtureMachine = setup({
  types: {} as { context: { minor: boolean; statement: boolean }; events: { type: 'detect' } | { type: 'age.assessed' } | { type: 'statement.given' } | { type: 'disappear' } },
  guards: {
    isMinor: ({ context }) => context.minor,
    hasStatement: ({ context }) => context.statement,
  },
  delays: { reflectionPeriod: 45 },
}).createMachine({
  id: 'fixture',
  context: { minor: true, statement: false },
  initial: 'detection',
  states: {
    detection: {
      description: 'The child is found.',
      meta: { basis: 'COL 01/2015', source: 'seed 001:10' },
      on: { detect: 'protection' },
    },
    protection: {
      type: 'parallel',
      meta: { basis: 'Guardianship law', source: 'reference, Stage 1' },
      on: { disappear: '#fixture.missing' },
      states: {
        guardianship: {
          initial: 'reported',
          meta: { basis: 'art 5 guardianship law', source: 'seed 001:40' },
          states: {
            reported: {
              meta: { basis: 'art 5', source: 'seed 001:41' },
              on: {
                'age.assessed': [
                  { target: 'appointed', guard: 'isMinor' },
                  { target: 'ended', guard: not('isMinor') },
                ],
              },
            },
            appointed: { meta: { basis: 'art 6', source: 'seed 001:42' } },
            ended: { type: 'final', meta: { basis: 'art 7', source: 'seed 001:43' } },
          },
        },
        residence: {
          initial: 'reflection',
          meta: { basis: 'art 61/2 aliens law', source: 'seed 001:90' },
          states: {
            reflection: {
              meta: { basis: 'art 61/2 §2', source: 'seed 001:91', assumption: '45 days' },
              after: { reflectionPeriod: 'orderToLeave' },
              on: { 'statement.given': { target: 'temporary', guard: and(['isMinor', 'hasStatement']) } },
            },
            temporary: { meta: { basis: 'art 61/3', source: 'seed 001:95' } },
            orderToLeave: { type: 'final', meta: { basis: 'art 61/2 §2', source: 'seed 001:92' } },
          },
        },
      },
    },
    missing: { type: 'final', meta: { basis: 'circular 2005', source: 'seed 002:12' } },
  },
});
