// Outcome = what the person holds on the horizon day; track = the procedure they are in (case-format.md revision).
import { describe, expect, it } from 'vitest';
import { getOutcomeAndTrack, type HorizonView } from '../../machines/case/outcome';

const nothing: HorizonView = {
  thbDocument: false,
  durableSolutionDocument: false,
  durableSolutionPending: false,
  asylumApplied: false,
  notIdentified: false,
  foundAdult: false,
  underGuardianship: false,
  adult: false,
};

describe('outcome and track on the horizon day', () => {
  it('a minor under guardianship who holds nothing must leave: guardianship is a track, not a document', () => {
    expect(getOutcomeAndTrack({ ...nothing, underGuardianship: true })).toEqual({ outcome: 'mustLeave', track: 'guardianship' });
  });

  it('a durable-solution document held is temporary residence on the durable-solution track; lapsed, nothing', () => {
    expect(getOutcomeAndTrack({ ...nothing, durableSolutionDocument: true, underGuardianship: true })).toEqual({
      outcome: 'temporaryResidence',
      track: 'durableSolution',
    });
    expect(getOutcomeAndTrack({ ...nothing, adult: true })).toEqual({ outcome: 'mustLeave', track: 'adult' });
  });

  it('a pending request or application is another procedure, on its own track', () => {
    expect(getOutcomeAndTrack({ ...nothing, durableSolutionPending: true, asylumApplied: true })).toEqual({
      outcome: 'otherProcedure',
      track: 'durableSolution',
    });
    expect(getOutcomeAndTrack({ ...nothing, asylumApplied: true, underGuardianship: true })).toEqual({ outcome: 'otherProcedure', track: 'asylum' });
  });

  it('a B card stays the outcome after a later disappearance, with the track that gave it', () => {
    expect(getOutcomeAndTrack({ ...nothing, permanentResidence: 'durableSolution', ended: 'disappeared' })).toEqual({
      outcome: 'permanentResidence',
      track: 'durableSolution',
    });
    expect(getOutcomeAndTrack({ ...nothing, ended: 'returned', thbDocument: true })).toEqual({ outcome: 'returned', track: 'none' });
  });

  it('a trafficking document wins; a presumed victim found adult with nothing must leave; never presumed, found adult, the adult track', () => {
    expect(getOutcomeAndTrack({ ...nothing, thbDocument: true, foundAdult: true, adult: true })).toEqual({ outcome: 'temporaryResidence', track: 'thb' });
    expect(getOutcomeAndTrack({ ...nothing, foundAdult: true, adult: true })).toEqual({ outcome: 'mustLeave', track: 'adult' });
    expect(getOutcomeAndTrack({ ...nothing, notIdentified: true, foundAdult: true, adult: true })).toEqual({ outcome: 'adultTrack', track: 'adult' });
    expect(getOutcomeAndTrack({ ...nothing, notIdentified: true, underGuardianship: true })).toEqual({ outcome: 'notIdentified', track: 'guardianship' });
  });
});
