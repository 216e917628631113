// Engine event types ("statement.given", "xstate.after.<delay>.<state>") in the UI language. Unknown types (a
// newer engine) fall back to readable words rather than failing.
import { humanise } from './labels';
import { m } from '../../i18n/messages';

const EVENTS: Record<string, () => string> = {
  'case.opened': m.event_case_opened,
  'statement.given': m.event_statement_given,
  'ties.resumed': m.event_ties_resumed,
  'prosecution.requisitions': m.event_prosecution_requisitions,
  'prosecution.convicted': m.event_prosecution_convicted,
  'prosecution.acquitted': m.event_prosecution_acquitted,
  'prosecution.dismissed': m.event_prosecution_dismissed,
  'age.appealed': m.event_age_appealed,
  'age.appealDecided': m.event_age_appeal_decided,
  'durableSolution.requested': m.event_durable_requested,
  'durableSolution.decided': m.event_durable_decided,
  'person.disappeared': m.event_person_disappeared,
};
const DELAYS: Record<string, () => string> = {
  shelterReferral: m.timer_shelter_referral,
  assessmentTurnaround: m.timer_assessment_turnaround,
  minorDocumentValidity: m.timer_minor_document,
  reflectionValidity: m.timer_reflection,
  registrationCertificateValidity: m.timer_registration_certificate,
  temporaryCardValidity: m.timer_temporary_card,
  untilMajority: m.timer_until_majority,
};

export function humaniseEvent(type: string): string {
  const known = EVENTS[type];
  if (known) return known();
  if (type.startsWith('xstate.after.')) {
    const delay = type.split('.')[2];
    return DELAYS[delay] ? m.event_timer({ what: DELAYS[delay]() }) : m.step_event_timer();
  }
  return type.split('.').map(humanise).join(' → ');
}

const RAN_OUT: Record<string, () => string> = {
  shelterReferral: m.ran_out_shelter_referral,
  assessmentTurnaround: m.ran_out_assessment_turnaround,
  minorDocumentValidity: m.ran_out_minor_document,
  reflectionValidity: m.ran_out_reflection,
  registrationCertificateValidity: m.ran_out_registration_certificate,
  temporaryCardValidity: m.ran_out_temporary_card,
  untilMajority: m.ran_out_until_majority,
};

/** A named delay that has run out, said in the past ("The reflection period ended."). */
export function ranOut(delay: string): string {
  return (RAN_OUT[delay] ?? m.ran_out_other)();
}
