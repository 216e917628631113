// Deadlines the clock shows, derived from the milestones reached so far: the reflection period (45 days for
// adults, 3 months for minors), the 3-month registration certificate, the 6-month card renewals, border
// detention of 3 + 3 working days and the 60-day appeal window. Pure: (milestones, start date) → deadlines.
import type { Milestone } from '../../machines/case/types';
import { monthsAsDays, workingDaysAsDays } from '../../machines/dates';

export type DeadlineKind = 'reflection' | 'minorDocument' | 'registration' | 'card' | 'borderDetention' | 'appeal';

export interface Deadline {
  kind: DeadlineKind;
  milestoneId: Milestone['id'];
  startDay: number;
  endDay: number;
  /** As the rule states it: { days } or { months } or { workingDays }. */
  length: { days?: number; months?: number; workingDays?: number };
  /** The milestone that ended it before its term (then `endDay` is that milestone's day). */
  stoppedBy?: Milestone['id'];
}

// Milestones that end a running deadline before its term: the AI replaces the reflection document (Stage 7); a
// withdrawal ends the residence document in hand (Stage 8); the B card replaces the A card and its renewals
// (Stage 9); the move to the observation centre or the adult decision ends the border holding (Stage 2); a child
// who disappears or returns no longer runs any deadline.
const RESIDENCE: DeadlineKind[] = ['reflection', 'minorDocument', 'registration', 'card'];
const STOPPED_BY: Partial<Record<Milestone['id'], DeadlineKind[]>> = {
  registrationCertificate: ['reflection', 'minorDocument'],
  residenceWithdrawn: RESIDENCE,
  permanentResidence: ['registration', 'card'],
  observationCentre: ['borderDetention'],
  identifiedAsAdult: ['borderDetention'],
  disappeared: [...RESIDENCE, 'borderDetention', 'appeal'],
  returned: [...RESIDENCE, 'borderDetention', 'appeal'],
};

const APPEAL_DAYS = 60;
const DEFAULT_BORDER_WORKING_DAYS = 6;

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function toDeadline(milestone: Milestone, startDate: string): Deadline | null {
  const day = milestone.day;
  const months = (kind: DeadlineKind, n: number): Deadline => ({
    kind, milestoneId: milestone.id, startDay: day, endDay: day + monthsAsDays(startDate, day, n), length: { months: n },
  });
  switch (milestone.id) {
    case 'reflectionPeriod': {
      const days = num(milestone.validDays, 45);
      return { kind: 'reflection', milestoneId: milestone.id, startDay: day, endDay: day + days, length: { days } };
    }
    case 'minorResidenceDocument':
      return months('minorDocument', num(milestone.validMonths, 3));
    case 'registrationCertificate':
      return months('registration', num(milestone.validMonths, 3));
    case 'temporaryResidenceCard':
      return months('card', num(milestone.validMonths, 6));
    case 'borderDetention': {
      const workingDays = num(milestone.maxWorkingDays, DEFAULT_BORDER_WORKING_DAYS);
      return { kind: 'borderDetention', milestoneId: milestone.id, startDay: day, endDay: day + workingDaysAsDays(startDate, day, workingDays), length: { workingDays } };
    }
    case 'ageAppeal':
      return { kind: 'appeal', milestoneId: milestone.id, startDay: day, endDay: day + APPEAL_DAYS, length: { days: APPEAL_DAYS } };
    default:
      return null;
  }
}

/** The latest deadline of each kind reached by `currentDay` (a renewal replaces the card before it). */
export function deadlinesAt(milestones: Milestone[], startDate: string, currentDay: number): Deadline[] {
  const latest = new Map<DeadlineKind, Deadline>();
  for (const milestone of milestones) {
    if (milestone.day > currentDay) continue;
    const deadline = toDeadline(milestone, startDate);
    if (deadline) latest.set(deadline.kind, deadline);
  }
  for (const milestone of milestones) {
    if (milestone.day > currentDay) continue;
    for (const kind of STOPPED_BY[milestone.id] ?? []) {
      const deadline = latest.get(kind);
      if (deadline && deadline.startDay <= milestone.day && milestone.day < deadline.endDay) {
        latest.set(kind, { ...deadline, endDay: milestone.day, stoppedBy: milestone.id });
      }
    }
  }
  return [...latest.values()];
}
