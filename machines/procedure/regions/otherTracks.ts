// Stage 11 and asylum: the durable-solution procedure for unaccompanied minors, and international protection.
import { durableSolutionRefusal, meta, milestone, procedureSetup } from '../setup';

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
            'durableSolution.requested': [
              { guard: 'isDurableSolutionAvailable', target: 'requested', meta: meta('durableSolution') },
              // Nothing silent: a request the law of its day does not allow is recorded with its reason.
              {
                actions: milestone(
                  'requestOutsideScope',
                  'requestOutsideScope',
                  (a) => ({ request: 'durableSolution', reason: durableSolutionRefusal(a) }),
                  ['durableSolutionBasis'],
                ),
                meta: meta('requestOutsideScope'),
              },
            ],
          },
        },
        requested: {
          description: 'The guardian asks the Immigration Office for a durable solution',
          meta: meta('durableSolution'),
          entry: [
            milestone('durableSolutionProcedure', 'durableSolution', (_a, rules) => ({
              basis: rules.durableSolutionBasis.value,
            })),
            'noteDurableSolutionBasis',
          ],
          on: {
            'durableSolution.decided': [
              { guard: 'isReturnDecision', target: '#procedure.returned', meta: meta('returned') },
              { guard: 'isRequestUnderLaw2011', target: 'stay', meta: meta('durableSolutionCertificate') },
              { target: 'stayUnderCircular', meta: meta('durableSolution') },
            ],
          },
        },
        stayUnderCircular: {
          type: 'final',
          description: 'Decision to stay under the circular of 15 Sep 2005: documents not described by the sources',
          meta: meta('durableSolution', {
            assumption: 'The documents of a stay under the 2005 circular are not in the sources: none is modelled (outcome otherProcedure).',
          }),
        },
        // A decision to stay is a series of documents with a validity (reference Stage 11): AI 6 months,
        // renewed once, then A cards, then a B card three years after the first A card. The AI is issued
        // only until majority: at 18 it lapses and the person holds nothing from this procedure.
        stay: {
          description: 'Durable solution in Belgium: residence documents under the durable-solution procedure',
          meta: meta('durableSolutionCertificate'),
          initial: 'certificate',
          states: {
            certificate: {
              description: 'Registration certificate (AI) for 6 months, only until majority',
              meta: meta('durableSolutionCertificate'),
              entry: milestone('registrationCertificate', 'durableSolutionCertificate', (_a, rules) => ({
                validMonths: rules.durableSolutionCertificateMonths.value,
                procedure: 'durableSolution',
              })),
              after: {
                untilMajority: { target: 'lapsed', meta: meta('documentLapsed') },
                durableSolutionCertificateValidity: { target: 'renewedCertificate', meta: meta('durableSolutionCertificate') },
              },
            },
            renewedCertificate: {
              description: 'The AI renewed once by 6 months after re-examination, still only until majority',
              meta: meta('durableSolutionCertificate'),
              entry: milestone('registrationCertificate', 'durableSolutionCertificate', (_a, rules) => ({
                validMonths: rules.durableSolutionCertificateMonths.value,
                procedure: 'durableSolution',
                renewal: true,
              })),
              after: {
                untilMajority: { target: 'lapsed', meta: meta('documentLapsed') },
                durableSolutionCertificateValidity: { target: 'card', meta: meta('durableSolutionCard') },
              },
            },
            card: {
              description: 'Electronic A card, renewed (at 18 at the municipality) until the B card',
              meta: meta('durableSolutionCard'),
              initial: 'valid',
              after: { untilDurableSolutionPermanent: { target: 'permanent', meta: meta('durableSolutionPermanent') } },
              states: {
                valid: {
                  meta: meta('durableSolutionCard'),
                  entry: milestone('temporaryResidenceCard', 'durableSolutionCard', (_a, rules) => ({
                    validMonths: rules.durableSolutionCardMonths.value,
                    procedure: 'durableSolution',
                  })),
                  after: { durableSolutionCardValidity: 'renewal' },
                },
                renewal: {
                  meta: meta('durableSolutionCard', { assumption: 'The A card is renewed, at 18 too.' }),
                  always: 'valid',
                },
              },
            },
            permanent: {
              type: 'final',
              description: 'Unlimited residence (B card) three years after the first A card',
              meta: meta('durableSolutionPermanent'),
              entry: milestone('permanentResidence', 'durableSolutionPermanent', () => ({ procedure: 'durableSolution' })),
            },
            lapsed: {
              type: 'final',
              description: 'The AI, issued only until majority, lapses at 18',
              meta: meta('documentLapsed'),
              entry: [
                milestone('documentLapsed', 'documentLapsed', () => ({
                  document: 'registrationCertificate',
                  procedure: 'durableSolution',
                  reason: 'majority',
                })),
              ],
            },
          },
        },
      },
    },
  },
});
