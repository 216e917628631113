// Deadlines the clock shows, read from the milestones reached so far: each milestone carries the length the rule in
// force gave it (validDays, validMonths, maxWorkingDays, deadlineDays, appealDeadlineDays); which milestones end a deadline early is the
// catalogue's (machines/catalogue/deadlines.ts). Pure: (milestones, start date) → deadlines.
import { DEADLINE_KINDS, DEADLINES, type DeadlineKind } from '../../machines/catalogue/deadlines';
import type { Milestone } from '../../machines/case/types';
import { monthsAsDays, workingDaysAsDays } from '../../machines/dates';

export type { DeadlineKind } from '../../machines/catalogue/deadlines';

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

/** A whole number the engine wrote on the milestone (from the rule in force), or undefined. */
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function toDeadline(milestone: Milestone, startDate: string): Deadline | null {
  const day = milestone.day;
  const kind = DEADLINE_KINDS.find((k) => DEADLINES[k].openedBy === milestone.id);
  if (!kind) return null;
  const base = { kind, milestoneId: milestone.id, startDay: day };
  const months = num(milestone.validMonths);
  const days = num(milestone.validDays) ?? num(milestone.deadlineDays) ?? num(milestone.appealDeadlineDays);
  const workingDays = num(milestone.maxWorkingDays);
  if (months !== undefined) return { ...base, endDay: day + monthsAsDays(startDate, day, months), length: { months } };
  if (days !== undefined) return { ...base, endDay: day + days, length: { days } };
  // Before the Reception Act (2007) the law set no maximum to border holding: no deadline to show.
  if (workingDays !== undefined) return { ...base, endDay: day + workingDaysAsDays(startDate, day, workingDays), length: { workingDays } };
  return null;
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
    for (const kind of DEADLINE_KINDS.filter((k) => DEADLINES[k].endedBy.includes(milestone.id))) {
      const deadline = latest.get(kind);
      if (deadline && deadline.startDay <= milestone.day && milestone.day < deadline.endDay) {
        latest.set(kind, { ...deadline, endDay: milestone.day, stoppedBy: milestone.id });
      }
    }
  }
  return [...latest.values()];
}
