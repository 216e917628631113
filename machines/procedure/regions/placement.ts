// Stages 2 and 5: where the child stays (border closed centre, observation centre, specialised shelter).
import { and, not } from 'xstate';
import type { Facts } from '../../case/facts';
import type { RulesInForce } from '../../rules/rules';
import { meta, milestone, procedureSetup } from '../setup';

export function shelterFor(facts: Facts, rules: RulesInForce): { name: string; specialisedInChildTrafficking: boolean } {
  if (facts.region === 'wallonia') return { name: 'Esperanto', specialisedInChildTrafficking: true };
  if (rules.mezaOpen.value && facts.sex === 'female' && facts.exploitation === 'sexual') {
    return { name: 'Meza', specialisedInChildTrafficking: true };
  }
  // Seed 001:99: the Flemish/Brussels shelter is not specialised in child trafficking (unless the reform creates one).
  return { name: 'Minor-Ndako', specialisedInChildTrafficking: rules.childTraffickingShelterEverywhere.value };
}

export const placement = procedureSetup.createStateConfig({
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
});
