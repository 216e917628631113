// Stage 10: criminal proceedings against the presumed exploiters. A statement opens the investigation.
import { meta, milestone, procedureSetup } from '../setup';

export const criminal = procedureSetup.createStateConfig({
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
});
