// Outcome and track on the horizon day (case-format.md, "Outcome and track", revised 2026-12-01). The outcome is
// what the person holds that day; the track is the procedure they are in. Being in a procedure is not holding a
// document: a person whose documents have all lapsed and who holds nothing valid must leave.
import type { OutcomeId, TrackId } from './types';

/** What the run established by the horizon day, read from the final snapshot by the engine. */
export interface HorizonView {
  /** a B card was reached (a terminal state, reference Stage 12: a later disappearance or return does not undo it) */
  permanentResidence?: 'thb' | 'durableSolution';
  /** the run ended in a terminal event before the horizon */
  ended?: 'disappeared' | 'returned';
  /** a trafficking-victim document valid on the horizon day (3-month document, reflection document, AI, A card) */
  thbDocument: boolean;
  /** a durable-solution document valid on the horizon day (AI, A card) */
  durableSolutionDocument: boolean;
  /** a durable-solution request not yet decided */
  durableSolutionPending: boolean;
  asylumApplied: boolean;
  notIdentified: boolean;
  /** found adult by the age assessment (not a person who declared to be an adult) */
  foundAdult: boolean;
  /** a minor under guardianship on the horizon day */
  underGuardianship: boolean;
  /** an adult on the horizon day (declared, found or turned 18) */
  adult: boolean;
}

export interface OutcomeAndTrack {
  outcome: OutcomeId;
  track: TrackId;
}

/** The procedure the person is in: the one whose document they hold, else a pending one, else their age's. */
function trackOf(v: HorizonView): TrackId {
  if (v.permanentResidence) return v.permanentResidence;
  if (v.ended) return 'none';
  if (v.thbDocument) return 'thb';
  if (v.durableSolutionDocument || v.durableSolutionPending) return 'durableSolution';
  if (v.asylumApplied) return 'asylum';
  if (v.underGuardianship) return 'guardianship';
  if (v.adult) return 'adult';
  return 'none';
}

export function getOutcomeAndTrack(v: HorizonView): OutcomeAndTrack {
  const track = trackOf(v);
  if (v.permanentResidence) return { outcome: 'permanentResidence', track };
  if (v.ended) return { outcome: v.ended, track };
  if (v.thbDocument || v.durableSolutionDocument) return { outcome: 'temporaryResidence', track };
  // Choice (sources silent): a person found adult by the age test who was never presumed a victim is on the
  // adult track (the age decision, not the missed identification, decides their situation); a presumed victim
  // found adult whose documents lapsed holds nothing and must leave, like any other adult.
  if (v.notIdentified) return { outcome: v.foundAdult ? 'adultTrack' : 'notIdentified', track };
  // A pending asylum application or durable-solution request lets the person stay while it is examined.
  if (v.durableSolutionPending || v.asylumApplied) return { outcome: 'otherProcedure', track };
  return { outcome: 'mustLeave', track };
}
