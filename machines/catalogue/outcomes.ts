// The outcomes of a run, once: message id, whether the child ends protected (as a victim of trafficking, or by
// any procedure), and the states that give the outcome where a state alone decides it (the trace reads these).
import type { OutcomeId } from '../case/types';

export type Protection = 'asVictim' | 'byOtherProcedure' | 'none';

export interface OutcomeEntry {
  protection: Protection;
  messageId: string;
  /** state ids (atomic or compound) whose being active gives this outcome, checked in the order of OUTCOME_IDS */
  states: readonly string[];
}

const VICTIM_TRACK = 'procedure.pathway.victimTrack';

export const OUTCOMES: Record<OutcomeId, OutcomeEntry> = {
  permanentResidence: { protection: 'asVictim', messageId: 'outcome_permanent_residence', states: [] },
  disappeared: { protection: 'none', messageId: 'outcome_disappeared', states: ['procedure.disappeared'] },
  returned: { protection: 'none', messageId: 'outcome_returned', states: ['procedure.returned'] },
  temporaryResidence: {
    protection: 'asVictim',
    messageId: 'outcome_temporary_residence',
    states: ['minorDocument', 'reflectionPeriod', 'registrationCertificate', 'temporaryResidence'].map((s) => `${VICTIM_TRACK}.${s}`),
  },
  notIdentified: { protection: 'none', messageId: 'outcome_not_identified', states: [`${VICTIM_TRACK}.notIdentified`] },
  adultTrack: { protection: 'none', messageId: 'outcome_adult_track', states: [] },
  otherProcedure: {
    protection: 'byOtherProcedure',
    messageId: 'outcome_other_procedure',
    states: ['procedure.pathway.otherTracks.durableSolution.requested', 'procedure.pathway.otherTracks.durableSolution.stay'],
  },
  mustLeave: { protection: 'none', messageId: 'outcome_must_leave', states: [] },
};

export const OUTCOME_IDS = Object.keys(OUTCOMES) as OutcomeId[];
/** Outcomes where the child is protected as a trafficking victim (the cohort's chokepoints are computed for these). */
export const VICTIM_PROTECTION: OutcomeId[] = OUTCOME_IDS.filter((id) => OUTCOMES[id].protection === 'asVictim');
/** …and, more broadly, protected by any procedure. */
export const ANY_PROTECTION: OutcomeId[] = OUTCOME_IDS.filter((id) => OUTCOMES[id].protection !== 'none');

export function isProtectedOutcome(id: string): boolean {
  return (OUTCOMES as Record<string, OutcomeEntry | undefined>)[id]?.protection !== undefined && OUTCOMES[id as OutcomeId].protection !== 'none';
}
