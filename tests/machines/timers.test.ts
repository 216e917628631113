// The engine reports the timers each step leaves running, and how each ended: a frontline worker's clock reads
// these, and the catalogue's list of what ends a deadline early is checked against the machine's own cancels.
import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS, DEADLINES } from '../../machines/catalogue/deadlines';
import { stepCase } from '../../machines/case/run';
import { SCENARIOS } from '../../src/scenarios';
import { makeCase } from './cases';

describe('timers on the steps of a run', () => {
  it('shows the minor document running from its day to its term, then cancelled by the statement that brings the AI', () => {
    const { steps } = stepCase(makeCase({ date: '2016-03-01', cooperation: { statementDay: 20 } }));
    const opened = steps[0]!.timers.find((t) => t.delay === 'minorDocumentValidity')!;
    // 1 Mar 2016 + 3 calendar months = 1 Jun 2016: 92 days.
    expect(opened).toMatchObject({ startedDay: 0, dueDay: 92, stateId: 'procedure.pathway.victimTrack.minorDocument' });
    expect(opened.ended).toBeUndefined();
    const statement = steps.find((s) => s.event.type === 'statement.given')!;
    const cancelled = statement.timers.find((t) => t.delay === 'minorDocumentValidity')!;
    expect(cancelled.ended).toMatchObject({ day: 20, how: 'cancelled', byEvent: 'statement.given' });
    expect(cancelled.ended!.byMilestones).toContain('registrationCertificate');
    expect(statement.timers.find((t) => t.delay === 'registrationCertificateValidity' && !t.ended)).toMatchObject({ startedDay: 20 });
  });

  it('marks a timer that came due as fired on the step it drove', () => {
    const { steps } = stepCase(makeCase({ cooperation: { statementDay: 400 } }));
    const expiry = steps.find((s) => s.event.type.startsWith('xstate.after.minorDocumentValidity'))!;
    expect(expiry.timers.find((t) => t.ended?.how === 'fired')).toMatchObject({ delay: 'minorDocumentValidity', dueDay: expiry.day });
  });

  it('ends a deadline early only by a milestone the catalogue lists for it (every built-in scenario)', () => {
    let checked = 0;
    for (const scenario of SCENARIOS) {
      for (const step of stepCase(scenario.case).steps) {
        for (const t of step.timers) {
          const kind = DEADLINE_KINDS.find((k) => DEADLINES[k].delay === t.delay);
          if (!kind || t.ended?.how !== 'cancelled') continue;
          checked++;
          const listed = t.ended.byMilestones.filter((id) => (DEADLINES[kind].endedBy as string[]).includes(id));
          expect(listed, `${scenario.id}: ${t.delay} cancelled on day ${t.ended.day} by ${t.ended.byMilestones}`).not.toEqual([]);
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
