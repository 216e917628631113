// The case file and the machine's events, both ways: the case's own dated facts as the events the runner sends
// (getCaseEvents), and an event a user picks on the diagram as a change to the case facts (applyEvent).
import { setCaseField } from './casePath';
import type { AssumptionId } from './facts';
import { DEFAULT_HORIZON_DAYS } from './defaults';
import type { RulesByDay } from './rulesByDay';
import type { CaseFile } from './types';

export interface StepEvent {
  type: string;
  day: number;
  [payload: string]: unknown;
}
/** The case file's own dated facts, as machine events in the order they happen (same-day order matters). */
export function getCaseEvents(c: CaseFile, rules: RulesByDay, used: Set<AssumptionId>): StepEvent[] {
  const events: StepEvent[] = [];
  const statementDay = c.cooperation?.statementDay;
  if (typeof statementDay === 'number') events.push({ type: 'statement.given', day: statementDay });
  if (typeof c.tiesCut === 'object') events.push({ type: 'ties.resumed', day: c.tiesCut.contactResumedDay });
  const p = c.prosecution;
  if (p && p.outcome !== 'pending' && typeof p.day === 'number') {
    const type = { conviction: 'prosecution.convicted', acquittal: 'prosecution.acquitted', dismissed: 'prosecution.dismissed' }[
      p.outcome
    ];
    const requisitions = p.outcome !== 'dismissed' && p.requisitionsRetainTrafficking !== undefined;
    if (requisitions && p.requisitionsDay !== undefined) {
      events.push({ type: 'prosecution.requisitions', day: p.requisitionsDay, retainsTrafficking: p.requisitionsRetainTrafficking });
      events.push({ type, day: p.day });
    } else if (requisitions) {
      // Undated requisitions are taken on the judgment day, just before it: one event, so the B card they give is
      // decided with the judgment known ("even if the defendant is acquitted", reference Stage 9).
      used.add('requisitionsOnJudgmentDay');
      events.push({ type, day: p.day, withRequisitions: true, retainsTrafficking: p.requisitionsRetainTrafficking });
    } else events.push({ type, day: p.day });
  }
  const appeal = c.age?.appeal;
  if (appeal) {
    events.push({ type: 'age.appealed', day: appeal.day });
    if (appeal.outcome === 'annulled' || appeal.outcome === 'rejected') {
      events.push({ type: 'age.appealDecided', day: appeal.decisionDay ?? appeal.day, annulled: appeal.outcome === 'annulled' });
    }
  }
  const ds = c.durableSolution;
  if (ds) {
    events.push({ type: 'durableSolution.requested', day: ds.requestedDay });
    if (ds.decision) {
      const assumed = ds.decisionDay === undefined;
      if (assumed) used.add('durableSolutionDecisionDay');
      events.push({
        type: 'durableSolution.decided',
        day: ds.decisionDay ?? ds.requestedDay + rules.on(ds.requestedDay).durableSolutionDecisionDays.value,
        decision: ds.decision,
        ...(assumed ? { decisionDayAssumed: true } : {}),
      });
    }
  }
  if (typeof c.disappearsDay === 'number') events.push({ type: 'person.disappeared', day: c.disappearsDay });
  // Same-day events keep the order above (statement before judgment, disappearance last): sort is stable (ES2019).
  return events.sort((a, b) => a.day - b.day);
}

/** "N days from now", kept inside the case's horizon so a change never produces a refused case. */
export function later(c: CaseFile, step: { day: number }, days: number): number {
  return Math.min(step.day + days, c.horizonDays ?? DEFAULT_HORIZON_DAYS);
}

/**
 * A possible next transition clicked on the diagram, as a change to the case facts: the event happens now
 * (the day after the current step). Events the case facts cannot express return null.
 */
export function applyEvent(caseFile: CaseFile, eventType: string, step: { day: number }): CaseFile | null {
  const day = later(caseFile, step, 1);
  switch (eventType) {
    case 'statement.given':
      return setCaseField(caseFile, 'cooperation', { statementDay: day });
    case 'ties.resumed':
      return setCaseField(caseFile, 'tiesCut', { contactResumedDay: day });
    case 'person.disappeared':
      return setCaseField(caseFile, 'disappearsDay', day);
    case 'durableSolution.requested':
      return setCaseField(caseFile, 'durableSolution', { requestedDay: day });
    case 'age.appealed':
      return setCaseField(caseFile, 'age.appeal', { day });
    case 'prosecution.convicted':
    case 'prosecution.acquitted':
    case 'prosecution.dismissed': {
      const outcome = ({ 'prosecution.convicted': 'conviction', 'prosecution.acquitted': 'acquittal', 'prosecution.dismissed': 'dismissed' } as const)[eventType];
      return setCaseField(caseFile, 'prosecution', { ...caseFile.prosecution, outcome, day, requisitionsDay: undefined });
    }
    default:
      return null;
  }
}
