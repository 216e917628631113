// Every state and every transition of the statechart with its plain-language message id (what the diagram and the
// step card show instead of guard code) and its citation (the state's or transition's meta). States are named by
// their id (`state_victimTrack_detected`); transitions by a table, since many say the same thing ("if found adult").
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { CitationId } from '../procedure/citations';

/** `procedure.pathway.identity.minor` → `identity.minor`: the id without the two wrappers every state shares. */
export function toShortId(stateId: string): string {
  if (stateId === 'procedure') return 'procedure';
  return stateId.replace(/^procedure\.(pathway\.)?/, '') || 'pathway';
}
export function getStateMessageId(stateId: string): string {
  return `state_${toShortId(stateId).replaceAll('.', '_')}`;
}

/** A transition's key: short source id, `always`, `after.<delay>` or the event type, and its rank among them. */
export function getTransitionKey(sourceId: string, eventType: string, index: number): string {
  const after = eventType.match(/^xstate\.after\.([^.]+)\./);
  const event = after ? `after.${after[1]}` : eventType === '' ? 'always' : eventType;
  return `${toShortId(sourceId)} ${event} ${index}`;
}

export const TRANSITION_MESSAGES: Record<string, string> = {
  'pathway person.disappeared 0': 'transition_on_disappearance',
  'pathway ties.resumed 0': 'transition_on_contact_resumed',
  'criminal prosecution.dismissed 0': 'transition_on_dismissal',
  'criminal prosecution.requisitions 0': 'transition_on_requisitions',
  'criminal prosecution.convicted 0': 'transition_on_conviction',
  'criminal prosecution.acquitted 0': 'transition_on_acquittal',
  'criminal.noComplaint statement.given 0': 'transition_on_statement',
  'victimTrack.detected always 0': 'transition_if_signs_recognised',
  'victimTrack.detected always 1': 'transition_otherwise',
  'victimTrack.presumedVictim always 0': 'transition_if_referral_waits',
  'victimTrack.presumedVictim always 1': 'transition_otherwise',
  'victimTrack.awaitingMinorityConfirmation always 0': 'transition_once_age_decided',
  'victimTrack.withSpecialisedCentre always 0': 'transition_if_minor_for_residence',
  'victimTrack.withSpecialisedCentre always 1': 'transition_if_found_adult',
  'victimTrack.withSpecialisedCentre always 2': 'transition_if_declared_adult_undoubted',
  'victimTrack.withSpecialisedCentre always 3': 'transition_if_declared_minor_undoubted',
  'victimTrack.minorDocument after.minorDocumentValidity 0': 'transition_when_document_expires',
  'victimTrack.minorDocument always 0': 'transition_if_statement_condition_fails',
  'victimTrack.minorDocument always 1': 'transition_if_statement',
  'victimTrack.reflectionPeriod after.reflectionValidity 0': 'transition_when_reflection_ends',
  'victimTrack.reflectionPeriod always 0': 'transition_if_statement_condition_fails',
  'victimTrack.reflectionPeriod always 1': 'transition_if_statement',
  'victimTrack.reflectionEnded always 0': 'transition_if_statement_condition_fails',
  'victimTrack.reflectionEnded always 1': 'transition_if_statement',
  'victimTrack.reflectionEnded always 2': 'transition_if_cooperation_waived',
  'victimTrack.reflectionEnded always 3': 'transition_otherwise',
  'victimTrack.registrationCertificate prosecution.convicted 0': 'transition_on_conviction',
  'victimTrack.registrationCertificate prosecution.requisitions 0': 'transition_on_requisitions_retaining',
  'victimTrack.registrationCertificate always 0': 'transition_if_judgment_first',
  'victimTrack.registrationCertificate always 1': 'transition_if_condition_fails',
  'victimTrack.registrationCertificate.valid after.registrationCertificateValidity 0': 'transition_when_document_expires',
  'victimTrack.registrationCertificate.decision always 0': 'transition_if_all_conditions_met',
  'victimTrack.registrationCertificate.decision always 1': 'transition_if_definition_pending',
  'victimTrack.registrationCertificate.extended after.registrationCertificateValidity 0': 'transition_when_document_expires',
  'victimTrack.registrationCertificate.finalDecision always 0': 'transition_if_all_conditions_met',
  'victimTrack.registrationCertificate.finalDecision always 1': 'transition_if_still_unqualified',
  'victimTrack.temporaryResidence prosecution.convicted 0': 'transition_on_conviction',
  'victimTrack.temporaryResidence prosecution.requisitions 0': 'transition_on_requisitions_retaining',
  'victimTrack.temporaryResidence always 0': 'transition_if_condition_fails',
  'victimTrack.temporaryResidence.card after.temporaryCardValidity 0': 'transition_when_card_due',
  'victimTrack.temporaryResidence.renewal always 0': 'transition_if_all_conditions_met',
  'victimTrack.withdrawn always 0': 'transition_then',
  'identity.screening always 0': 'transition_if_declared_adult_not_tested',
  'identity.screening always 1': 'transition_if_in_guardianship_scope',
  'identity.screening always 2': 'transition_otherwise',
  'identity.outsideScope after.untilMajority 0': 'transition_at_majority',
  'identity.reported always 0': 'transition_if_age_doubted',
  'identity.reported always 1': 'transition_otherwise',
  'identity.ageDoubted after.untilDeclaredMajority 0': 'transition_if_declared_birthday_first',
  'identity.ageDoubted after.assessmentTurnaround 0': 'transition_when_test_result_comes',
  'identity.assessed always 0': 'transition_if_of_age_by_decision',
  'identity.assessed always 1': 'transition_if_found_minor',
  'identity.assessed always 2': 'transition_otherwise',
  'identity.minor after.untilMajority 0': 'transition_at_majority',
  'identity.adult age.appealed 0': 'transition_on_appeal_in_time',
  'identity.appeal age.appealDecided 0': 'transition_if_appeal_annulled',
  'identity.appeal age.appealDecided 1': 'transition_otherwise',
  'placement.arriving always 0': 'transition_if_declared_adult_undoubted',
  'placement.arriving always 1': 'transition_if_held_in_closed_centre',
  'placement.arriving always 2': 'transition_if_at_border',
  'placement.arriving always 3': 'transition_otherwise',
  'placement.closedCentre always 0': 'transition_if_found_adult',
  'placement.closedCentre always 1': 'transition_once_age_decided',
  'placement.transferToCoo after.transferWithin24Hours 0': 'transition_after_transfer',
  'placement.observationCentre always 0': 'transition_if_found_adult',
  'placement.observationCentre always 1': 'transition_if_presumed_victim_referred',
  'placement.referralToShelter after.shelterReferral 0': 'transition_after_referral',
  'placement.referralToShelter always 0': 'transition_if_found_adult',
  'placement.specialisedShelter always 0': 'transition_if_found_adult',
  'otherTracks.asylum.screening always 0': 'transition_if_asylum_applied',
  'otherTracks.asylum.screening always 1': 'transition_otherwise',
  'otherTracks.durableSolution.notRequested durableSolution.requested 0': 'transition_on_durable_solution_request',
  'otherTracks.durableSolution.requested durableSolution.decided 0': 'transition_if_return_decision',
  'otherTracks.durableSolution.requested durableSolution.decided 1': 'transition_otherwise',
};

export interface StateEntry {
  id: string;
  messageId: string;
  citation: CitationId;
}
export interface TransitionEntry {
  key: string;
  source: string;
  targets: string[];
  eventType: string;
  messageId: string | undefined;
  /** the transition's own citation, else its source state's */
  citation: CitationId;
}

function citationOf(meta: unknown): CitationId | undefined {
  return (meta as { citation?: CitationId } | undefined)?.citation;
}

/** The catalogue entries of a machine's states and transitions, in document order. */
export function getStatechartCatalogue(machine: AnyStateMachine): { states: StateEntry[]; transitions: TransitionEntry[] } {
  const states: StateEntry[] = [];
  const transitions: TransitionEntry[] = [];
  const visit = (node: AnyStateNode) => {
    const citation = citationOf(node.meta) ?? 'procedure';
    states.push({ id: node.id, messageId: getStateMessageId(node.id), citation });
    const own = [...node.transitions.entries()].flatMap(([eventType, ts]) => ts.map((t, i) => ({ t, eventType, i })));
    const always = (node.always ?? []).map((t, i) => ({ t, eventType: '', i }));
    for (const { t, eventType, i } of [...own, ...always]) {
      const key = getTransitionKey(node.id, eventType, i);
      transitions.push({
        key,
        source: node.id,
        targets: (t.target ?? []).map((n) => n.id),
        eventType: eventType || 'always',
        messageId: TRANSITION_MESSAGES[key],
        citation: citationOf(t.meta) ?? citation,
      });
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return { states, transitions };
}
