// The procedure as one statechart (XState v5). Five parallel regions (reference.md, "Stage model"):
// criminal (10), victimTrack (Stages 0, 5–9), identity (1, 3, 4), placement (2, 5), otherTracks (11, asylum).
// Region order is document order: on one day, a cause (statement, judgment) is recorded before its effect.
// Guards, actions and delays are in setup.ts; each region's states in regions/.
import { criminal } from './regions/criminal';
import { identity } from './regions/identity';
import { otherTracks } from './regions/otherTracks';
import { placement } from './regions/placement';
import { victimTrack } from './regions/victimTrack';
import { createRulesByDay } from '../case/rulesByDay';
import { MISSING_INPUT, meta, milestone, procedureSetup } from './setup';
import { nothingKnown } from './conditions';

export { MISSING_INPUT, dayOf, type MilestoneParams, type ProcedureContext, type ProcedureEvent, type ProcedureInput } from './setup';
export { shelterFor } from './regions/placement';

export const procedureMachine = procedureSetup.createMachine({
  id: 'procedure',
  description: 'The pathway of an unaccompanied foreign child who may be a victim of trafficking in Belgium',
  meta: meta('procedure'),
  context: ({ input }) => {
    if (!input) throw MISSING_INPUT;
    return { facts: input.facts, rules: createRulesByDay(input.facts.date, input.facts.practice, input.facts.reforms), known: nothingKnown() };
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
        criminal,
        victimTrack,
        identity,
        placement,
        otherTracks,
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
